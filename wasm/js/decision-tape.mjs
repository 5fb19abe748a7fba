// Reads a decision tape (core/include/eligibility/decision_tape.hpp) into the decision object:
// the object JSON.parse(engine.evaluateText()) gives, member for member and in the same order,
// built without any text to decode or parse. The core lays the decision out; this only follows
// the tape: each word an operation (low 4 bits) and its argument (the other 28).
//
// `strings` is every string numbered so far (the reader's own copy, extended with each tape's new
// ones); `fragments` the service's record fragments in the decision's language (write_fragments:
// [{ h, t, w, f? }] by number).

const BEGIN_OBJECT = 0;
const END = 1;
const BEGIN_ARRAY = 2;
const KEY = 3;
const STRING = 4;
const INTEGER = 5;
const WIDE_INTEGER = 6;
const TRUE = 7;
const FALSE = 8;
const NULL = 9;
const DATE = 10;
const HEAD = 11;
const PROVENANCE = 12;
const FAIL_NOTE = 13;
const RECORD = 14;
const TRACE = 15;

// The last date written, kept: every decision repeats its as_of.
let lastDate = -1;
let lastDateText = '';
function dateText(packed) {
  if (packed !== lastDate) {
    const pad = (n, width) => String(n).padStart(width, '0');
    lastDateText = `${pad(packed >> 9, 4)}-${pad((packed >> 5) & 15, 2)}-${pad(packed & 31, 2)}`;
    lastDate = packed;
  }
  return lastDateText;
}

/**
 * The value at words[at]. `words` is an Int32Array over the module's memory.
 */
export function readDecisionTape(words, at, strings, fragments) {
  let i = at;
  const fragment = (n) => {
    const f = fragments[n];
    if (f === undefined) throw new Error(`decision tape: no fragment ${n}`);
    return f;
  };
  const value = () => {
    const word = words[i++];
    const argument = word >> 4;
    switch (word & 15) {
      case BEGIN_OBJECT: {
        const object = {};
        for (;;) {
          const member = words[i++];
          const n = member >> 4;
          switch (member & 15) {
            case END: return object;
            case KEY: {
              const key = strings[n];
              // JSON.parse makes "__proto__" an own member; an assignment would set the prototype.
              if (key === '__proto__') Object.defineProperty(object, key, { value: value(), enumerable: true, writable: true, configurable: true });
              else object[key] = value();
              break;
            }
            case HEAD: Object.assign(object, fragment(n).h); break;
            case PROVENANCE: Object.assign(object, fragment(n).t); break;
            case FAIL_NOTE: Object.assign(object, fragment(n).f); break;
            default: throw new Error(`decision tape: operation ${member & 15} in an object`);
          }
        }
      }
      case BEGIN_ARRAY: {
        const list = [];
        while (words[i] !== END) list.push(value());
        i++;
        return list;
      }
      case STRING: return strings[argument];
      case INTEGER: return argument;
      case WIDE_INTEGER: {
        const low = words[i++] >>> 0;
        const high = words[i++];
        return high * 4294967296 + low;  // rounded once, as JSON.parse rounds the integer's text
      }
      case TRUE: return true;
      case FALSE: return false;
      case NULL: return null;
      case DATE: return dateText(argument);
      case RECORD: {
        const f = fragment(argument);
        return { ...(f.ht ??= { ...f.h, ...f.t }) };
      }
      case TRACE: return { ...fragment(argument).w };
      default: throw new Error(`decision tape: operation ${word & 15} where a value belongs`);
    }
  };
  return value();
}
