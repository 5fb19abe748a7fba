// TypeScript declarations for the JavaScript API (CONTRACT.md section 5, docs/contract.md).

export type Lang = 'en' | 'az' | 'ru';
export type ServiceId =
  | 'visa' | 'invitation' | 'registration' | 'stay_extension' | 'temporary_residence'
  | 'permanent_residence' | 'work_permit' | 'refugee_status' | 'citizenship_affiliation'
  | 'citizenship_acquire' | 'citizenship_restore' | 'citizenship_revoke' | 'passport' | 'appointment';
export type Confidence = 'official_via_press' | 'secondary' | 'conflicting';
export type ErrorCode =
  | 'invalid_json' | 'unknown_service' | 'unknown_fact' | 'wrong_type' | 'out_of_range' | 'invalid_date'
  | 'unknown_country' | 'not_an_option' | 'inconsistent' | 'input_too_large' | 'required'
  | 'unknown_field' | 'duplicate_key' | 'invalid_rules' | 'service_not_loaded';

/** A fact's value: a boolean, a whole number, a date 'YYYY-MM-DD', an option, a country code; null = not answered. */
export type FactValue = boolean | number | string | null;

export interface Profile {
  service: ServiceId | string;
  /** 'YYYY-MM-DD'; defaults to the engine's asOf, else the browser's local date. */
  as_of?: string;
  facts?: Record<string, FactValue>;
}

export interface ErrorItem {
  path: string;
  code: ErrorCode;
  message: string;
  /** For `inconsistent`: the id of the rules' constraint the answers break (docs/contract.md §3). */
  constraint?: string;
}
export interface ErrorObject { status: 'error'; errors: ErrorItem[]; }

/** Provenance every item carries. */
export interface Cited {
  citation: string;
  /** Present when the source is not the official body's own text: say "confirm with the mission". */
  confidence?: Confidence;
  /** The last day of the record's effective window, when it has one. */
  until?: string;
  /** With a lang option. */
  title?: string;
  note?: string;
}

export interface ChannelDetail extends Cited { id: string; }

export interface Verdict extends Cited {
  code: string;
  /** The id of the rule that decided it (for visa_free: the agreement or scheme). */
  basis: string;
  channels?: string[];
  channel_details?: ChannelDetail[];
  /** Outputs such as max_stay_days, validity_years, fingerprints_required. */
  [output: string]: unknown;
}

export interface Fee extends Cited {
  id: string;
  channel?: string;
  amount_minor?: number;
  currency?: string;
  /** false when the sources do not give the amount (then no amount_minor/currency). */
  amount_known?: false;
  waived: boolean;
  waived_amount_minor?: number;
  waiver?: ChannelDetail;
  [output: string]: unknown;
}

export interface Total { channel?: string; currency?: string; amount_minor?: number; amount_known?: false; }

export interface Item extends Cited { id: string; channel?: string; [output: string]: unknown; }
export interface Check extends Item { result: 'pass' | 'fail' | 'unknown'; severity?: 'blocker' | 'warning'; fail_note?: string; }
export interface Deadline extends Item {
  within_days?: number; within_working_days?: number; within_hours?: number; within_months?: number;
  /** 'YYYY-MM-DD' when the date it counts from is known. */
  due?: string;
}

export interface Decision {
  status: 'decided' | 'needs_input';
  service: string;
  as_of: string;
  rules_version: string;
  lang?: Lang;
  verdict: Verdict | null;
  /** Fact ids still to ask, in the order to ask them. */
  missing: string[];
  fees: Fee[];
  totals: Total[];
  documents: Item[];
  checks: Check[];
  deadlines: Deadline[];
  notices: Item[];
  trace: { rule: string; citation: string }[];
}

export interface Question {
  id: string;
  type: 'bool' | 'int' | 'date' | 'enum' | 'country';
  label: string;
  help?: string;
  options?: { value: string; label: string }[];
  min?: number;
  max?: number;
}

export interface CallOptions { lang?: Lang; asOf?: string; }

export interface Engine {
  readonly rulesVersion: string;
  evaluate(profile: Profile | string | Uint8Array, options?: CallOptions): Decision | ErrorObject;
  /** The decision as JSON text: byte for byte what the native CLI prints. */
  evaluateText(profile: Profile | string | Uint8Array, options?: CallOptions): string;
  questions(profile: Profile | string | Uint8Array, options?: CallOptions):
    { status: 'decided' | 'needs_input'; service: string; questions: Question[] } | ErrorObject;
  facts(service: string, options?: { lang?: Lang }): { service: string; facts: Question[] } | ErrorObject;
  /** Every service the rules know of, loaded or not. */
  services(options?: { lang?: Lang }): { id: ServiceId; title: string }[];
  /** The services whose rules are loaded (rule packs). */
  loadedServices(): ServiceId[];
  /** The languages a service's rules are loaded in: all three, one (a one-language pack), or none. */
  loadedLanguages(id: ServiceId | string): Lang[];
  /** Every country of the rules, named in a language, in code order. */
  countries(options?: { lang?: Lang }): { code: string; name: string }[];
  /** Loads a service's rules pack (rules/<id>.bin beside the module, compiled; or rules/<id>.<lang>.bin
   * for `languages: [lang]`) unless already loaded in those languages. A service loaded in one language
   * answers only in it (error service_not_loaded otherwise). */
  loadService(id: ServiceId | string, options?: { languages?: Lang[] }): Promise<void>;
  release(): void;
}

export interface CreateEngineOptions {
  /** A mission's rules: a bundle, or one service document replacing that service; an object, JSON
   * text, or its bytes (checked to be UTF-8 by the engine). */
  rules?: object | string | Uint8Array | ArrayBuffer;
  /** Default language of titles and notes. */
  lang?: Lang;
  /** Default as_of for profiles that give none. */
  asOf?: string;
  /** Which services' rule packs to load now: 'all' (default), or a list ([] for none). */
  services?: 'all' | (ServiceId | string)[];
  /** Load those packs in these languages only (one language: its own, smaller pack). Default: all. */
  languages?: Lang[];
}

/** Starts downloading and compiling the WebAssembly module now, before createEngine() is called;
 * resolves when it is ready. */
export function preload(): Promise<void>;

/** Rejects with EligibilityError (code invalid_rules, paths into the rules) if the rules do not validate. */
export function createEngine(options?: CreateEngineOptions): Promise<Engine>;

export class EligibilityError extends Error implements ErrorObject {
  readonly status: 'error';
  readonly errors: ErrorItem[];
}
