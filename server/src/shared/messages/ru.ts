import type { CompanyKind } from '../../modules/company/company.enums.js';
import type { InteractionKind } from '../../modules/interaction/interaction.enums.js';
import type { StageCategory } from '../../modules/pipeline/pipeline.enums.js';
import type { Messages } from './en.js';

/** Тексты userErrors на русском (те же идентификаторы и параметры, что в en.ts). */

const COMPANY_KIND: Record<CompanyKind, string> = {
  EXPORTER: 'экспортёр',
  BUYER: 'покупатель',
  DISTRIBUTOR: 'дистрибьютор',
  RETAILER: 'розничная сеть',
  INSTITUTION: 'организация',
  PARTNER: 'партнёр',
};

const INTERACTION_KIND: Record<InteractionKind, string> = {
  MEETING: 'встреча',
  CALL: 'звонок',
  EMAIL: 'письмо',
  VISIT: 'визит',
  NOTE: 'заметка',
};

const CATEGORY: Record<StageCategory, string> = { OPEN: 'в работе', WON: 'выиграна', LOST: 'проиграна' };

const rules = new Intl.PluralRules('ru');
/** 1 сделка, 3 сделки, 5 сделок. */
const plural = (count: number, one: string, few: string, many: string) => {
  const form = rules.select(count);
  return `${count} ${form === 'one' ? one : form === 'few' ? few : many}`;
};
/** After «не более», «не менее»: 1 символа, 2 символов, 5 символов. */
const genitive = (count: number, one: string, other: string) =>
  `${count} ${rules.select(count) === 'one' ? one : other}`;

/** «A, B и C» */
const list = (items: string[]) =>
  items.length > 1 ? `${items.slice(0, -1).join(', ')} и ${items[items.length - 1]}` : (items[0] ?? '');

const date = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

function span(startsAt: Date, endsAt: Date): string {
  const start = startsAt.toISOString();
  const end = endsAt.toISOString();
  return start.slice(0, 10) === end.slice(0, 10)
    ? `${date(start)} с ${start.slice(11, 16)} до ${end.slice(11, 16)} UTC`
    : `с ${date(start)} ${start.slice(11, 16)} до ${date(end)} ${end.slice(11, 16)} UTC`;
}

export const ru: Messages = {
  required: 'Обязательное поле.',
  tooLong: ({ max }) => `Не более ${genitive(max, 'символа', 'символов')}.`,
  tooShort: ({ min }) => `Не менее ${genitive(min, 'символа', 'символов')}.`,
  tooSmall: ({ min }) => `Значение должно быть не меньше ${min}.`,
  tooLarge: ({ max }) => `Значение должно быть не больше ${max}.`,
  tooManyItems: ({ max }) => `Не более ${genitive(max, 'элемента', 'элементов')}.`,
  notAList: 'Ожидается список.',
  notAnInteger: 'Ожидается целое число.',
  notABoolean: 'Ожидается «да» или «нет».',
  notAChoice: 'Такого варианта нет в списке.',
  notAnEmail: 'Некорректный адрес электронной почты.',
  notAnId: 'Некорректный идентификатор.',
  notAUrl: 'Ожидается адрес сайта, начинающийся с http:// или https://.',
  notACountry: 'Ожидается код страны ISO 3166-1 alpha-2 заглавными буквами, например MA.',
  notACurrency: 'Ожидается код валюты ISO 4217, например RUB.',
  notAPhone: 'Некорректный номер телефона (допустимы цифры, пробелы, дефисы, скобки и + в начале).',
  notALanguage: 'Ожидается код языка ISO 639-1 строчными буквами, например «ru».',
  needsLetterOrDigit: 'Должно содержать хотя бы одну букву или цифру.',
  badAmount: 'Ожидается сумма не меньше нуля: не более 16 цифр до запятой и 2 после.',
  badRate: 'Ожидается курс больше нуля: не более 14 цифр до запятой и 10 после.',
  badSectorCode: 'Только строчные латинские буквы, цифры и дефисы, не более 60 символов.',
  badFormat: 'Значение не соответствует ожидаемому формату.',
  badValue: 'Недопустимое значение.',
  cannotBeRemoved: () => 'Это поле обязательно, его нельзя очистить.',

  referenceMissing: 'Одна из указанных записей не существует.',
  duplicateValues: 'Запись с такими же значениями уже существует.',
  dataModelRule: 'Значения нарушают правило модели данных.',

  noSuchAgency: 'Такого агентства нет.',
  noSuchCompany: 'Такой компании нет.',
  noSuchContact: 'Такого контакта нет.',
  noSuchCounterpart: 'Такого контрагента нет.',
  noSuchDeal: 'Такой сделки нет.',
  noSuchExporter: 'Такого экспортёра нет.',
  noSuchInteraction: 'Такого взаимодействия нет.',
  noSuchMission: 'Такой миссии нет.',
  noSuchParticipant: 'Такого участника нет.',
  noSuchPipeline: 'Такой воронки нет.',
  noSuchSector: 'Такой отрасли нет.',
  noSuchSectorId: ({ id }) => `Отрасли с идентификатором ${id} нет.`,
  noSuchStage: 'Такого этапа нет.',
  noSuchStageInPipeline: 'В этой воронке нет такого этапа.',
  noSuchTask: 'Такой задачи нет.',
  noSuchToken: 'У вас нет такого API-токена.',
  noSuchUser: 'Такого пользователя нет.',

  wrongCredentials: 'Неверный адрес электронной почты или пароль.',
  badLink:
    'Ссылка недействительна: возможно, срок её действия истёк или она уже использована. Попросите администратора прислать новую.',
  emailTaken: 'Этот адрес электронной почты уже используется.',
  userDeactivated: 'Этот пользователь деактивирован.',
  userDeactivatedNamed: ({ name }) => `Учётная запись пользователя ${name} деактивирована.`,
  reactivateFirst: 'Этот пользователь деактивирован: сначала восстановите его доступ.',
  lastAdminRole: 'Это последний активный администратор агентства: сначала назначьте администратором кого-то другого.',
  lastAdminDeactivation: 'Это последний активный администратор агентства: его нельзя деактивировать.',

  duplicateCompany: 'Компания с таким названием в этой стране уже есть.',
  sectorCodeTaken: ({ code }) => `Код «${code}» уже используется другой отраслью.`,
  baseCurrencyRate: ({ currency }) => `${currency} — базовая валюта агентства: её курс всегда равен 1.`,

  missionEndsBeforeStart: 'Миссия не может закончиться раньше, чем начнётся.',
  onlyExportersJoin: ({ name, kind }) => `В делегацию входят только экспортёры, а ${name} — ${COMPANY_KIND[kind]}.`,
  alreadyInDelegation: ({ name }) => `${name} уже входит в делегацию этой миссии.`,

  giveSubject: 'Укажите тему.',
  meetingNeedsStatus: 'У встречи всегда есть статус.',
  meetingNeedsEnd: 'Если у встречи есть начало, укажите и окончание.',
  meetingNeedsStart: 'Если у встречи есть окончание, укажите и начало.',
  meetingEndsBeforeStart: 'Встреча должна закончиться позже, чем начнётся.',
  plannedMeetingNeedsTimes: 'Для запланированной встречи укажите в расписании начало и окончание.',
  onlyMeetingsHave: ({ interactionKind }) =>
    `Это поле бывает только у встреч, а это ${interactionKind ? INTERACTION_KIND[interactionKind] : 'другой тип взаимодействия'}.`,
  exporterNotExporter: ({ name, kind }) =>
    `${name} — ${COMPANY_KIND[kind]}, а не экспортёр: укажите компанию как контрагента.`,
  counterpartIsExporter: 'Контрагент не может совпадать с экспортёром.',
  counterpartInDelegation: ({ name, mission }) =>
    `${name} — экспортёр из делегации миссии «${mission}»: встречайтесь с покупателями, дистрибьюторами или организациями.`,
  dealOfAnotherExporter: ({ deal, exporter }) =>
    `Сделка «${deal}» не относится к ${exporter}: привяжите взаимодействие к сделке его экспортёра.`,
  contactNotAParty: ({ name }) => `${name} не работает ни у экспортёра, ни у контрагента.`,
  agendaConflict: (p) =>
    `Конфликт в расписании: ${span(p.startsAt, p.endsAt)} уже запланирована встреча «${p.subject}» ` +
    `(${p.counterpart ? `${p.exporter} и ${p.counterpart}` : p.exporter}); заняты: ${list(p.busy)}.`,

  giveTitle: 'Укажите название.',
  taskNeedsSubject: 'Укажите, к чему относится задача: к компании, миссии или сделке.',
  taskHasOneSubject: 'Задача относится только к одной компании, миссии или сделке: создайте по задаче на каждую.',
  noLongerHasAccess: ({ name }) => `У пользователя ${name} больше нет доступа.`,
  assigneeIsAnalyst: ({ name }) =>
    `${name} — аналитик и не сможет выполнить задачу: назначьте администратора или менеджера.`,

  pipelineNeedsName: 'Укажите название воронки.',
  pipelineNameTaken: ({ name }) => `Воронка с названием «${name}» уже есть.`,
  stageNeedsName: 'Укажите название этапа.',
  stageNamedTwice: ({ name }) => `Два этапа называются «${name}».`,
  stageListedTwice: 'Этап указан в списке дважды.',
  pipelineMissesCategories: ({ missing }) =>
    `В воронке должен быть хотя бы один активный (не выведенный из работы) этап каждой категории: в работе, выиграна и проиграна; не хватает: ${missing.map((category) => CATEGORY[category]).join(', ')}.`,
  newPipelineNewStages: 'У новой воронки могут быть только новые этапы: не указывайте идентификатор.',
  stageHoldsDeals: ({ name, count }) =>
    `На этапе «${name}» ${plural(count, 'сделка', 'сделки', 'сделок')}: оставьте этап и выведите его из работы или сначала перенесите сделки на другой этап.`,
  stageInHistory: ({ name }) =>
    `Этап «${name}» есть в истории сделок, а она хранится всегда: оставьте этап и выведите его из работы.`,
  stageCategoryLocked: ({ name, count }) =>
    `На этапе «${name}» ${plural(count, 'сделка', 'сделки', 'сделок')}: его категорию нельзя изменить, пока на нём есть сделки.`,
  keepADefaultPipeline: 'Вместо этого сделайте основной другую воронку.',
  stageRemovedMeanwhile: 'Тем временем сделка попала на удалённый вами этап: обновите воронку и попробуйте ещё раз.',

  dealChanged: ({ yours, current }) =>
    `Сделку изменил кто-то другой, пока вы её просматривали (ваша версия ${yours}, текущая версия ${current}): обновите её и попробуйте ещё раз.`,
  dealExporterNotExporter: ({ name, kind }) => `${name} — ${COMPANY_KIND[kind]}, а не экспортёр.`,
  buyerIsExporter: ({ name }) =>
    `${name} — экспортёр, а покупатель по сделке — иностранный контрагент (покупатель, дистрибьютор, розничная сеть, организация, партнёр).`,
  stageNotInPipeline: 'Этот этап не относится к указанной воронке.',
  stageOfAnotherPipeline: 'Этот этап относится к другой воронке, а не к воронке сделки.',
  stageRetired: ({ name }) => `Этап «${name}» выведен из работы.`,
  dealStartsOpen: ({ name, category }) =>
    `Сделка начинается на открытом этапе, а категория этапа «${name}» — «${CATEGORY[category]}»: создайте сделку, затем перенесите её.`,
  noDefaultPipeline: 'У агентства нет основной воронки: укажите воронку.',
  pipelineHasNoOpenStage: ({ name }) => `В воронке «${name}» нет открытых этапов.`,
  dealNeedsExporter: 'Укажите экспортёра сделки.',
  dealNeedsTitle: 'Укажите название сделки.',
  dealNeedsOwner: 'Укажите ответственного за сделку.',
  dealNeedsCurrency: 'Укажите валюту сделки.',
  dealAlreadyInStage: ({ name }) => `Сделка уже на этапе «${name}».`,
  sayWhyLost: 'Укажите, почему сделка проиграна.',
  lostDealKeepsReason: 'У проигранной сделки должна оставаться причина проигрыша.',
  lostReasonOnlyWhenLost: 'Причина проигрыша бывает только у проигранной сделки.',
  lostReasonOnlyForLostStage: 'Причину проигрыша указывают только для этапа «проиграна».',
  // search
  searchQueryEmpty: 'Введите хотя бы одну букву или цифру для поиска.',
  searchQueryTooLong: ({ max }) => `Поисковый запрос — не длиннее ${max} символов.`,
  filterTextTooLong: ({ field, max }) => `Фильтр ${field} — не длиннее ${max} символов.`,

  // merge
  mergeKeepAlsoMerged: 'Сохраняемая карточка не может быть одновременно одной из объединяемых с ней.',
  mergeNothingToMerge: 'Выберите хотя бы одну карточку для объединения с сохраняемой.',
  mergeListedTwice: 'Карточка указана дважды.',
  mergeAlreadyMerged: ({ name }) => `«${name}» уже объединена с другой карточкой: откройте её.`,
  mergeStale: ({ name }) =>
    `«${name}» кто-то изменил после вашей проверки: обновите карточку и проверьте объединение заново.`,
  mergeValueFromElsewhere: 'Сохраняемое значение должно быть взято из одной из объединяемых карточек.',
  mergeDealWithItself: ({ deal }) =>
    `В сделке «${deal}» одна из этих компаний — экспортёр, а другая — покупатель: после объединения компания продавала бы самой себе. Сначала смените покупателя.`,
  mergeMeetingWithItself: ({ name }) =>
    `«${name}» — встреча двух из этих компаний: после объединения компания встречалась бы сама с собой. Сначала смените собеседника.`,
  mergeExporterRole: ({ count }) =>
    `Сохраняемая компания не была бы экспортёром, но она экспортёр в ${count} сделках, встречах или участиях в миссиях: оставьте тип «экспортёр».`,
  mergeBuyerRole: ({ count }) =>
    `Сохраняемая компания была бы экспортёром, но она покупатель в ${count} сделках: оставьте тип контрагента.`,
  // import
  importFileNotFound: 'Файл не найден или устарел (файлы хранятся сутки): загрузите его снова.',
  importFileUnreadable: 'Не удалось прочитать файл: загрузите CSV (UTF-8, Windows-1251 или Windows-1252) или XLSX.',
  importFileEmpty: 'В файле нет строк под строкой заголовков.',
  importFileTooLarge: ({ max }) => `Файл больше ${Math.round(max / 1_000_000)} МБ: разделите его на части.`,
  importForbidden: 'Импортировать файлы могут только администраторы и менеджеры.',
  importNeedsMission: 'Выберите миссию, делегацию которой заполняет файл.',
  importFieldNotMapped: ({ field }) => `Сопоставьте столбец с полем «${field}»: оно нужно каждой строке.`,
  importFieldMappedTwice: ({ field }) => `С полем «${field}» сопоставлены два столбца: оставьте один.`,
  importUnknownField: ({ field }) => `«${field}» — не поле этого вида импорта.`,
  importUnknownKind: ({ value }) =>
    `«${value}» — не тип компании (экспортёр, покупатель, дистрибьютор, розничная сеть, учреждение, партнёр).`,
  importUnknownStatus: ({ value }) =>
    `«${value}» — не статус участия (приглашён, зарегистрирован, подтверждён, присутствовал, отказался).`,
  importUnknownSector: ({ value }) => `В агентстве нет отрасли «${value}».`,
  importUnknownUser: ({ value }) => `В агентстве нет активного пользователя «${value}».`,
  importUnknownCompany: ({ value }) => `В CRM нет компании «${value}»: сначала импортируйте компании.`,
  importAmbiguousCompany: ({ value }) => `Несколько компаний называются «${value}»: добавьте столбец со страной.`,
  importNotAnExporter: ({ name }) => `${name} — не экспортёр: в делегацию входят только экспортёры.`,
  importDecisionsMissing: ({ count }) =>
    `Возможных дубликатов без решения: ${count} (связать, всё равно создать или пропустить).`,
  importBadDecision: ({ row }) =>
    `Строка ${row}: свяжите её с одной из похожих записей, создайте всё равно или пропустите.`,
  importReasonNew: 'Новая запись.',
  importReasonSameId: ({ name }) => `Тот же ID, что у ${name}.`,
  importReasonUnknownId: 'Её ID не принадлежит записи агентства: сопоставлена по другим значениям.',
  importReasonSameDomain: ({ domain, name }) => `Тот же сайт (${domain}), что у ${name}.`,
  importReasonSameEmail: ({ email, name }) => `Та же эл. почта (${email}), что у ${name}.`,
  importReasonSameName: ({ name }) => `То же название и страна, что у ${name}.`,
  importReasonSameNameCompany: ({ name }) => `То же имя и компания, что у ${name}.`,
  importReasonSameAsRow: ({ row }) => `Та же запись, что в строке ${row}: пропущена.`,
  importReasonSimilar: ({ count }) => `Похожа на записи (${count}): свяжите, создайте всё равно или пропустите.`,
  importReasonChanges: ({ fields }) => `Изменится: ${fields}.`,
  importReasonUnchanged: 'Совпадает с записью: менять нечего.',
  importReasonSkipped: 'Пропущена по решению.',
  importReasonCreateAnyway: 'Создана всё равно, по решению.',
  importReasonLinked: ({ name }) => `Связана с ${name} по решению.`,
  importReasonInDelegation: ({ name }) => `${name} уже в делегации.`,
  importReasonJoins: ({ name }) => `${name} войдёт в делегацию.`,
  importRejectedReason: 'Причина',
  importBatchNotFound: 'Импорт не найден.',
  importAlreadyUndone: 'Этот импорт уже отменён.',
  importUndoModified: ({ name }) => `${name} изменена после импорта: импорт больше нельзя отменить.`,
  importUndoReferenced: ({ name }) =>
    `${name} используется данными, добавленными после импорта (контакты, сделки, встречи…): импорт больше нельзя отменить.`,
  // export
  exportSignIn: 'Войдите или передайте API-токен (Authorization: Bearer …), чтобы выгрузить данные.',
  exportBadJson: ({ parameter }) => `Параметр ${parameter} — не корректный JSON.`,
  exportBadParameter: ({ parameter, detail }) => `Параметр ${parameter} не подходит для этого списка: ${detail}`,
  exportMissionRequired: 'Укажите миссию: missionId=<id>.',
  exportNoSuchMission: 'Миссия не найдена.',
  exportBadDay: ({ day }) => `«${day}» — не дата: пишите 2026-12-31.`,
  exportBadTimeZone: ({ zone }) => `Неизвестный часовой пояс «${zone}» (например, Europe/Moscow).`,
  exportRateLimited: ({ seconds, perMinute }) =>
    `Бюджет API пользователя этого токена исчерпан (выгрузка стоит одно очко за строку; за минуту восстанавливается ${perMinute}). Повторите через ${seconds} с.`,
  signInLimited: ({ seconds }) =>
    `Слишком много неудачных попыток входа для этой учётной записи или из этой сети. Повторите через ${seconds < 60 ? `${seconds} с` : `${Math.ceil(seconds / 60)} мин`} или попросите администратора прислать ссылку для сброса пароля.`,
  signInBusy: ({ seconds }) => `Сервер занят входом других пользователей. Повторите через ${seconds} с.`,
  // hardening
  tokenNeedsSession: 'API-токены создаются только после входа в веб-приложение, а не с помощью API-токена.',
  // пределы и тайм-ауты аналитики
  analyticsTooManyRows: ({ count, max }) =>
    `В этом отчёте было бы около ${count} строк; предел — ${max}. Сузьте его: более короткий период, более крупный период (квартал или год вместо месяца), меньше группировок или фильтр.`,
  analyticsTooManyMonths: ({ count, max }) =>
    `Отчёт по месяцам охватывает не более ${max} месяцев; этот охватывает ${count}. Сократите период или группируйте по кварталам или годам.`,
  statementTimeout:
    'Запрос выполнялся слишком долго и был остановлен. Запросите меньше (более короткий период, меньше группировок или страницы поменьше) или повторите попытку позже.',
  databaseUnavailable: 'База данных временно недоступна. Повторите попытку через несколько секунд.',
  // exporter confirmation of won deals (modules/confirmation)
  mailFromInvalid: 'Укажите адрес электронной почты, отдельно или после имени: Mosprom <crm@mosprom.ru>.',
  noFreeSlot:
    'В оставшиеся дни миссии нет получаса, когда оба свободны (9:00–18:00 по местному времени): запланируйте встречу вручную.',
  suggestedMeetingSubject: ({ counterpart }: { counterpart: string }) => `Встреча с ${counterpart}`,
  confirmWonOnly: 'Подтвердить у экспортёра можно только выигранную сделку.',
  confirmNoContact: 'У экспортёра нет контакта с адресом электронной почты: сначала добавьте его.',
  confirmContactNotExporter: 'Выберите контакт экспортёра этой сделки, у которого есть адрес электронной почты.',
  confirmLinkInvalid: 'Эта ссылка больше не действует: на неё уже ответили или срок её действия истёк.',
  confirmCorrectionNeeded: 'Укажите правильную сумму или правильную дату подписания.',
  confirmSignedInFuture: 'Дата подписания не может быть позже сегодняшней.',
  confirmTooManyAttempts: ({ seconds }: { seconds: number }) =>
    `Слишком много попыток с вашего адреса. Повторите через ${seconds} с.`,
  confirmAnsweredTask: ({ exporter, deal, answer }: { exporter: string; deal: string; answer: string }) =>
    `${exporter}: сделка «${deal}» — ${answer}; см. подтверждение сделки`,
  confirmAnswerConfirmed: 'подтверждена',
  confirmAnswerCorrected: 'исправлена',
  confirmAnswerDisputed: 'оспорена',
  cursorInvalid: 'Курсор не подходит для этого списка и порядка.',
  pageSizeOutOfRange: ({ field, max }) => `\`${field}\` должен быть от 0 до ${max}.`,
  pageBothDirections: 'Передайте `first` или `last`, но не оба.',
};
