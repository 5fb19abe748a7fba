// Every text of the widget's own, in English, Azerbaijani and Russian. Texts from the rules
// (questions, options, titles, notes, citations) come from the engine in the chosen language;
// these are the words around them.
//
// t(lang, key, vars) fills {placeholders}; an entry that is an object is chosen by the plural
// category of vars.n ('one', 'few', 'many', 'other'). tNodes() does the same but lets a
// placeholder be a DOM node (a <time> element, say). tests/web/i18n.test.mjs checks that every
// language has every key, every output name of the shipped rules and every error code.

export const LANGS = ['en', 'az', 'ru'];

/** Each language's name in itself, for the language switch. */
export const LANG_NAMES = { en: 'English', az: 'Azərbaycanca', ru: 'Русский' };

/** Month names for languages the browser's Intl has no data for (format.js). */
export const MONTHS = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  az: ['yanvar', 'fevral', 'mart', 'aprel', 'may', 'iyun', 'iyul', 'avqust', 'sentyabr', 'oktyabr', 'noyabr', 'dekabr'],
  ru: ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'],
};

/** How each output of the rules (docs/rules-format.md section 5) is shown: its value's kind. An
 * output a mission adds that is not listed here is shown with its name and its plain value. */
export const OUTPUT_KINDS = {
  count: 'number',
  copies: 'number',
  validity_years: 'years',
  valid_after: 'date',
  required_until: 'date',
  registered_days: 'days',
  max_stay_days: 'days',
  max_invitation_days: 'days',
  fingerprints_required: 'bool',
  appointments_needed: 'number',
};

export const STRINGS = {
  en: {
    brand: 'Consular services check',
    widgetLabel: 'Check what you need for a consular service',
    language: 'Language',
    loading: 'Loading the checker…',
    engineFailedTitle: 'The checker cannot be shown',
    engineFailedText: 'Something went wrong while loading it. Please try again later, or contact the embassy or consulate: they can tell you what you need.',
    rulesFallback: 'This embassy’s updated rules could not be loaded, so the standard rules (version {version}) are used. Please confirm the result with the embassy.',
    privacy: 'Your answers stay in this browser: nothing is sent or saved.',

    pickerHeading: 'What do you need?',
    pickerHint: 'Choose the service you want to check. You will then be asked a few questions, one at a time.',
    service: 'Service',
    questionNumber: 'Question {n}',
    continue: 'Continue',
    back: 'Back',
    yes: 'Yes',
    no: 'No',
    intHint: 'Enter a whole number from {min} to {max}.',
    dateHint: 'Type the date or choose it from the calendar. For example, {example}.',
    dateHintText: 'Write the date as year-month-day, for example {iso}.',
    countryHint: 'Start typing the name of the country (in any language) or its two-letter code, then choose it from the list.',
    countryToggle: 'Show the list of countries',
    countryResults: { one: '{n} country found', other: '{n} countries found' },
    countryNone: 'No country matches what you typed.',
    answersSoFar: 'Your answers so far',
    answersHeading: 'Your answers',
    change: 'Change',
    changeLabel: 'Change: {question}',

    errorPrefix: 'Error:',
    select_answer: 'Select an answer.',
    select_service: 'Select a service.',
    enter_number: 'Enter a whole number, for example 12.',
    enter_date: 'Enter a date.',
    choose_country: 'Choose a country from the list.',
    errorOtherAnswer: 'This does not fit with your answer to “{question}”.',
    changeThatAnswer: 'Change that answer',

    waysToApply: 'Ways to apply',
    waysIntro: 'You can apply in either of these ways.',
    howToApply: 'How to apply',
    fees: 'Fees',
    total: 'Total to pay',
    totalUnknown: 'plus fees whose amount our sources do not give',
    amountUnknown: 'Amount not known',
    fullAmount: 'Full amount:',
    toPay: 'To pay:',
    waived: 'Waived',
    documents: 'Documents to bring',
    documentsHint: 'Tick each document when you have it ready. Your ticks are not saved or sent anywhere.',
    checks: 'Checks on your answers',
    check_pass: 'Met',
    check_fail: 'Not met',
    check_unknown: 'Cannot be checked here',
    severity_blocker: 'This stops the application.',
    severity_warning: 'Take care: this may cause problems.',
    problemHeading: 'Before you apply',
    deadlines: 'Dates and time limits',
    dueBy: 'By {date}',
    within_days: { one: 'Within {n} day', other: 'Within {n} days' },
    within_working_days: { one: 'Within {n} working day', other: 'Within {n} working days' },
    within_hours: { one: 'Within {n} hour', other: 'Within {n} hours' },
    within_months: { one: 'Within {n} month', other: 'Within {n} months' },
    notices: 'Things to know',
    channelNotices: 'Where to apply and what to know',
    commonHeading: 'Whichever way you apply',
    why: 'Why?',
    source: 'Source:',
    waiverSource: 'Source of the waiver:',
    until: 'Applies until {date}.',
    confirm: 'Confirm with the embassy or consulate',
    conf_official_via_press: 'Reported by official sources in the press.',
    conf_secondary: 'Based on secondary sources.',
    conf_conflicting: 'Our sources disagree.',
    amountUnknownConfirm: 'Our sources do not give the amount.',
    checkUnknownConfirm: 'Our sources cannot settle this.',
    stamp: 'Rules version {version} · checked for {date}',
    print: 'Print this checklist',
    startAgain: 'Start again',
    disclaimer: 'This check shows what the published rules say. The embassy or consulate makes the decision.',
    days: { one: '{n} day', other: '{n} days' },
    years: { one: '{n} year', other: '{n} years' },

    errors: {
      invalid_json: 'Your answers could not be read. Please start again.',
      unknown_service: 'This service is not covered by the checker. Please choose another one, or contact the embassy.',
      unknown_fact: 'This question is no longer part of the rules. Please start again.',
      wrong_type: 'This answer is not in the expected form. Please check it.',
      out_of_range: 'Enter a number from {min} to {max}.',
      invalid_date: 'Enter a date that exists (day, month and year).',
      unknown_country: 'Choose a country from the list.',
      not_an_option: 'This answer is not available for this service. Choose another answer.',
      inconsistent: 'This answer does not fit with your other answers or with the date of this check: for example, a passport that has already expired. Please check it.',
      input_too_large: 'This answer is too long.',
      required: 'Answer this question to continue.',
      unknown_field: 'Your answers could not be read. Please start again.',
      duplicate_key: 'Your answers could not be read. Please start again.',
      invalid_rules: 'The rules behind this checker are not valid. Please contact the embassy.',
    },
    outputs: {
      count: 'Number',
      copies: 'Copies',
      validity_years: 'Valid for',
      valid_after: 'Must still be valid after',
      required_until: 'Must be valid until at least',
      registered_days: 'Registered for',
      max_stay_days: 'Longest stay',
      max_invitation_days: 'Longest invitation period',
      fingerprints_required: 'Fingerprints taken',
      appointments_needed: 'Appointments to book',
    },
  },

  az: {
    brand: 'Konsulluq xidmətləri üzrə yoxlama',
    widgetLabel: 'Konsulluq xidməti üçün nələrin lazım olduğunu yoxlayın',
    language: 'Dil',
    loading: 'Yoxlama yüklənir…',
    engineFailedTitle: 'Yoxlamanı göstərmək mümkün olmadı',
    engineFailedText: 'Yüklənmə zamanı xəta baş verdi. Bir qədər sonra yenidən cəhd edin və ya səfirlik, yaxud konsulluqla əlaqə saxlayın: sizə nələrin lazım olduğunu deyəcəklər.',
    rulesFallback: 'Səfirliyin yenilənmiş qaydalarını yükləmək mümkün olmadı, buna görə standart qaydalar ({version} versiyası) istifadə olunur. Lütfən, nəticəni səfirliklə dəqiqləşdirin.',
    privacy: 'Cavablarınız bu brauzerdə qalır: heç nə göndərilmir və saxlanılmır.',

    pickerHeading: 'Sizə nə lazımdır?',
    pickerHint: 'Yoxlamaq istədiyiniz xidməti seçin. Sonra sizə bir-bir bir neçə sual veriləcək.',
    service: 'Xidmət',
    questionNumber: 'Sual {n}',
    continue: 'Davam et',
    back: 'Geri',
    yes: 'Bəli',
    no: 'Xeyr',
    intHint: '{min} ilə {max} arasında tam ədəd yazın.',
    dateHint: 'Tarixi yazın və ya təqvimdən seçin. Məsələn, {example}.',
    dateHintText: 'Tarixi il-ay-gün şəklində yazın, məsələn, {iso}.',
    countryHint: 'Ölkənin adını (istənilən dildə) və ya iki hərfli kodunu yazmağa başlayın, sonra onu siyahıdan seçin.',
    countryToggle: 'Ölkələrin siyahısını göstər',
    countryResults: '{n} ölkə tapıldı',
    countryNone: 'Yazdığınıza uyğun ölkə tapılmadı.',
    answersSoFar: 'İndiyədək verdiyiniz cavablar',
    answersHeading: 'Cavablarınız',
    change: 'Dəyiş',
    changeLabel: 'Dəyiş: {question}',

    errorPrefix: 'Xəta:',
    select_answer: 'Cavablardan birini seçin.',
    select_service: 'Xidməti seçin.',
    enter_number: 'Tam ədəd yazın, məsələn, 12.',
    enter_date: 'Tarixi daxil edin.',
    choose_country: 'Siyahıdan ölkə seçin.',
    errorOtherAnswer: 'Bu, “{question}” sualına verdiyiniz cavaba uyğun gəlmir.',
    changeThatAnswer: 'O cavabı dəyişin',

    waysToApply: 'Müraciət yolları',
    waysIntro: 'Bu yollardan istənilən biri ilə müraciət edə bilərsiniz.',
    howToApply: 'Necə müraciət etməli',
    fees: 'Rüsumlar',
    total: 'Ödəniləcək cəmi',
    totalUnknown: 'üstəgəl məbləği mənbələrimizdə göstərilməyən rüsumlar',
    amountUnknown: 'Məbləğ məlum deyil',
    fullAmount: 'Tam məbləğ:',
    toPay: 'Ödəniləcək:',
    waived: 'Ödənilmir',
    documents: 'Təqdim ediləcək sənədlər',
    documentsHint: 'Hazır olan hər sənədi işarələyin. İşarələriniz heç yerdə saxlanılmır və heç yerə göndərilmir.',
    checks: 'Cavablarınız üzrə yoxlamalar',
    check_pass: 'Uyğundur',
    check_fail: 'Uyğun deyil',
    check_unknown: 'Burada yoxlamaq mümkün deyil',
    severity_blocker: 'Bu, müraciətə mane olur.',
    severity_warning: 'Diqqət: bu, problem yarada bilər.',
    problemHeading: 'Müraciət etməzdən əvvəl',
    deadlines: 'Tarixlər və müddətlər',
    dueBy: '{date} tarixinədək',
    within_days: '{n} gün ərzində',
    within_working_days: '{n} iş günü ərzində',
    within_hours: '{n} saat ərzində',
    within_months: '{n} ay ərzində',
    notices: 'Bilməli olduğunuz məlumatlar',
    channelNotices: 'Harada müraciət etməli və nələri bilməli',
    commonHeading: 'Hansı yolla müraciət etməyinizdən asılı olmayaraq',
    why: 'Niyə?',
    source: 'Mənbə:',
    waiverSource: 'Güzəştin mənbəyi:',
    until: '{date} tarixinədək qüvvədədir.',
    confirm: 'Səfirlik və ya konsulluqla dəqiqləşdirin',
    conf_official_via_press: 'Rəsmi mənbələrin mətbuata verdiyi məlumata əsaslanır.',
    conf_secondary: 'Qeyri-rəsmi mənbələrə əsaslanır.',
    conf_conflicting: 'Mənbələrimiz bir-birinə zidd məlumat verir.',
    amountUnknownConfirm: 'Mənbələrimizdə məbləğ göstərilmir.',
    checkUnknownConfirm: 'Mənbələrimiz əsasında bunu müəyyən etmək mümkün deyil.',
    stamp: 'Qaydaların versiyası: {version} · yoxlama tarixi: {date}',
    print: 'Bu siyahını çap edin',
    startAgain: 'Yenidən başlayın',
    disclaimer: 'Bu yoxlama dərc olunmuş qaydalarda deyilənləri göstərir. Qərarı səfirlik və ya konsulluq verir.',
    days: '{n} gün',
    years: '{n} il',

    errors: {
      invalid_json: 'Cavablarınızı oxumaq mümkün olmadı. Lütfən, yenidən başlayın.',
      unknown_service: 'Bu xidmət yoxlamaya daxil deyil. Başqa xidmət seçin və ya səfirliklə əlaqə saxlayın.',
      unknown_fact: 'Bu sual artıq qaydalara daxil deyil. Lütfən, yenidən başlayın.',
      wrong_type: 'Bu cavab gözlənilən şəkildə deyil. Lütfən, onu yoxlayın.',
      out_of_range: '{min} ilə {max} arasında ədəd yazın.',
      invalid_date: 'Mövcud olan tarix daxil edin (gün, ay və il).',
      unknown_country: 'Siyahıdan ölkə seçin.',
      not_an_option: 'Bu cavab bu xidmət üçün mümkün deyil. Başqa cavab seçin.',
      inconsistent: 'Bu cavab digər cavablarınıza və ya yoxlamanın tarixinə uyğun gəlmir: məsələn, pasportun müddəti artıq bitib. Lütfən, onu yoxlayın.',
      input_too_large: 'Bu cavab çox uzundur.',
      required: 'Davam etmək üçün bu suala cavab verin.',
      unknown_field: 'Cavablarınızı oxumaq mümkün olmadı. Lütfən, yenidən başlayın.',
      duplicate_key: 'Cavablarınızı oxumaq mümkün olmadı. Lütfən, yenidən başlayın.',
      invalid_rules: 'Bu yoxlamanın qaydaları düzgün deyil. Lütfən, səfirliklə əlaqə saxlayın.',
    },
    outputs: {
      count: 'Sayı',
      copies: 'Nüsxələrin sayı',
      validity_years: 'Etibarlılıq müddəti',
      valid_after: 'Bu tarixdən sonra da etibarlı olmalıdır',
      required_until: 'Ən azı bu tarixədək etibarlı olmalıdır',
      registered_days: 'Qeydiyyatın müddəti',
      max_stay_days: 'Ən uzun qalma müddəti',
      max_invitation_days: 'Dəvətin ən uzun müddəti',
      fingerprints_required: 'Barmaq izləri götürülür',
      appointments_needed: 'Lazım olan növbələrin sayı',
    },
  },

  ru: {
    brand: 'Проверка по консульским услугам',
    widgetLabel: 'Узнайте, что нужно для консульской услуги',
    language: 'Язык',
    loading: 'Проверка загружается…',
    engineFailedTitle: 'Не удалось показать проверку',
    engineFailedText: 'При загрузке произошла ошибка. Попробуйте позже или обратитесь в посольство или консульство: там скажут, что вам нужно.',
    rulesFallback: 'Не удалось загрузить обновлённые правила посольства, поэтому используются стандартные правила (версия {version}). Пожалуйста, уточните результат в посольстве.',
    privacy: 'Ваши ответы остаются в этом браузере: ничего не отправляется и не сохраняется.',

    pickerHeading: 'Что вам нужно?',
    pickerHint: 'Выберите услугу. Затем вам зададут несколько вопросов, по одному.',
    service: 'Услуга',
    questionNumber: 'Вопрос {n}',
    continue: 'Продолжить',
    back: 'Назад',
    yes: 'Да',
    no: 'Нет',
    intHint: 'Введите целое число от {min} до {max}.',
    dateHint: 'Введите дату или выберите её в календаре. Например, {example}.',
    dateHintText: 'Напишите дату в виде год-месяц-день, например {iso}.',
    countryHint: 'Начните вводить название страны (на любом языке) или её двухбуквенный код, затем выберите её из списка.',
    countryToggle: 'Показать список стран',
    countryResults: { one: 'Найдена {n} страна', few: 'Найдено {n} страны', many: 'Найдено {n} стран', other: 'Найдено {n} страны' },
    countryNone: 'Нет стран, подходящих под введённый текст.',
    answersSoFar: 'Ваши ответы на данный момент',
    answersHeading: 'Ваши ответы',
    change: 'Изменить',
    changeLabel: 'Изменить: {question}',

    errorPrefix: 'Ошибка:',
    select_answer: 'Выберите один из ответов.',
    select_service: 'Выберите услугу.',
    enter_number: 'Введите целое число, например 12.',
    enter_date: 'Введите дату.',
    choose_country: 'Выберите страну из списка.',
    errorOtherAnswer: 'Это не согласуется с вашим ответом на вопрос «{question}».',
    changeThatAnswer: 'Изменить тот ответ',

    waysToApply: 'Способы подачи',
    waysIntro: 'Можно подать заявление любым из этих способов.',
    howToApply: 'Как подать заявление',
    fees: 'Пошлины и сборы',
    total: 'Итого к оплате',
    totalUnknown: 'плюс сборы, сумма которых в наших источниках не указана',
    amountUnknown: 'Сумма неизвестна',
    fullAmount: 'Полная сумма:',
    toPay: 'К оплате:',
    waived: 'Не взимается',
    documents: 'Необходимые документы',
    documentsHint: 'Отмечайте документы по мере готовности. Отметки нигде не сохраняются и никуда не отправляются.',
    checks: 'Проверка ваших данных',
    check_pass: 'Выполнено',
    check_fail: 'Не выполнено',
    check_unknown: 'Здесь проверить нельзя',
    severity_blocker: 'Это препятствует подаче заявления.',
    severity_warning: 'Внимание: это может создать проблемы.',
    problemHeading: 'Прежде чем подавать заявление',
    deadlines: 'Даты и сроки',
    dueBy: 'До {date}',
    within_days: { one: 'В течение {n} дня', few: 'В течение {n} дней', many: 'В течение {n} дней', other: 'В течение {n} дня' },
    within_working_days: { one: 'В течение {n} рабочего дня', few: 'В течение {n} рабочих дней', many: 'В течение {n} рабочих дней', other: 'В течение {n} рабочего дня' },
    within_hours: { one: 'В течение {n} часа', few: 'В течение {n} часов', many: 'В течение {n} часов', other: 'В течение {n} часа' },
    within_months: { one: 'В течение {n} месяца', few: 'В течение {n} месяцев', many: 'В течение {n} месяцев', other: 'В течение {n} месяца' },
    notices: 'Что нужно знать',
    channelNotices: 'Куда обращаться и что нужно знать',
    commonHeading: 'При любом способе подачи',
    why: 'Почему?',
    source: 'Источник:',
    waiverSource: 'Основание освобождения:',
    until: 'Действует до {date}.',
    confirm: 'Уточните в посольстве или консульстве',
    conf_official_via_press: 'По сообщениям официальных источников в прессе.',
    conf_secondary: 'Основано на неофициальных источниках.',
    conf_conflicting: 'Наши источники расходятся.',
    amountUnknownConfirm: 'В наших источниках сумма не указана.',
    checkUnknownConfirm: 'По нашим источникам это установить нельзя.',
    stamp: 'Версия правил: {version} · дата проверки: {date}',
    print: 'Распечатать этот список',
    startAgain: 'Начать заново',
    disclaimer: 'Эта проверка показывает, что говорят опубликованные правила. Решение принимает посольство или консульство.',
    days: { one: '{n} день', few: '{n} дня', many: '{n} дней', other: '{n} дня' },
    years: { one: '{n} год', few: '{n} года', many: '{n} лет', other: '{n} года' },

    errors: {
      invalid_json: 'Не удалось прочитать ваши ответы. Пожалуйста, начните заново.',
      unknown_service: 'Эта услуга не входит в проверку. Выберите другую или обратитесь в посольство.',
      unknown_fact: 'Этого вопроса больше нет в правилах. Пожалуйста, начните заново.',
      wrong_type: 'Ответ дан не в том виде. Пожалуйста, проверьте его.',
      out_of_range: 'Введите число от {min} до {max}.',
      invalid_date: 'Введите существующую дату (день, месяц и год).',
      unknown_country: 'Выберите страну из списка.',
      not_an_option: 'Этот ответ недоступен для этой услуги. Выберите другой.',
      inconsistent: 'Этот ответ не согласуется с другими ответами или с датой проверки: например, срок действия паспорта уже истёк. Пожалуйста, проверьте его.',
      input_too_large: 'Этот ответ слишком длинный.',
      required: 'Чтобы продолжить, ответьте на этот вопрос.',
      unknown_field: 'Не удалось прочитать ваши ответы. Пожалуйста, начните заново.',
      duplicate_key: 'Не удалось прочитать ваши ответы. Пожалуйста, начните заново.',
      invalid_rules: 'Правила этой проверки содержат ошибку. Пожалуйста, обратитесь в посольство.',
    },
    outputs: {
      count: 'Количество',
      copies: 'Количество экземпляров',
      validity_years: 'Срок действия',
      valid_after: 'Должен быть действителен и после',
      required_until: 'Должен быть действителен как минимум до',
      registered_days: 'Срок регистрации',
      max_stay_days: 'Максимальный срок пребывания',
      max_invitation_days: 'Максимальный срок приглашения',
      fingerprints_required: 'Снимаются отпечатки пальцев',
      appointments_needed: 'Количество записей на приём',
    },
  },
};

const pluralRules = new Map();

/** The plural category of n in the language: 'one', 'few', 'many' or 'other'. */
export function pluralCategory(n, lang) {
  if (typeof n !== 'number') return 'other';
  let rules = pluralRules.get(lang);
  if (!rules) {
    rules = new Intl.PluralRules(lang === 'ru' ? 'ru' : 'en');
    pluralRules.set(lang, rules);
  }
  // Azerbaijani nouns stay singular after a numeral ("90 gün"): its entries are plain strings.
  return rules.select(n);
}

function entry(lang, key) {
  const table = STRINGS[lang] || STRINGS.en;
  let value = key.includes('.') ? key.split('.').reduce((o, k) => (o ? o[k] : undefined), table) : table[key];
  if (value === undefined) value = key.includes('.') ? key.split('.').reduce((o, k) => (o ? o[k] : undefined), STRINGS.en) : STRINGS.en[key];
  return value;
}

/** Whether the key (e.g. 'errors.out_of_range') has a text. */
export function has(lang, key) {
  return entry(lang, key) !== undefined;
}

function template(lang, key, vars) {
  let value = entry(lang, key);
  if (value === undefined) return key;
  if (typeof value === 'object') value = value[pluralCategory(vars.n, lang)] ?? value.other;
  return value;
}

/** The text of `key` in `lang`, with {placeholders} filled from vars. */
export function t(lang, key, vars = {}) {
  return template(lang, key, vars).replace(/\{(\w+)\}/g, (whole, name) =>
    (Object.prototype.hasOwnProperty.call(vars, name) ? String(vars[name]) : whole));
}

/** Like t(), but a placeholder may be a DOM node: returns an array of strings and nodes. */
export function tNodes(lang, key, vars = {}) {
  const parts = template(lang, key, vars).split(/(\{\w+\})/);
  return parts.filter((p) => p !== '').map((p) => {
    const m = /^\{(\w+)\}$/.exec(p);
    if (!m || !Object.prototype.hasOwnProperty.call(vars, m[1])) return p;
    const v = vars[m[1]];
    return typeof Node !== 'undefined' && v instanceof Node ? v : String(v);
  });
}
