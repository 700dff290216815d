import type { CompanyKind } from '../../modules/company/company.enums.js';
import type { InteractionKind } from '../../modules/interaction/interaction.enums.js';
import type { StageCategory } from '../../modules/pipeline/pipeline.enums.js';
import type { Messages } from './en.js';

/** Les textes des userErrors en français (mêmes identifiants et paramètres que en.ts). */

const COMPANY_KIND: Record<CompanyKind, string> = {
  EXPORTER: 'un exportateur',
  BUYER: 'un acheteur',
  DISTRIBUTOR: 'un distributeur',
  RETAILER: 'un distributeur de détail',
  INSTITUTION: 'une institution',
  PARTNER: 'un partenaire',
};

const INTERACTION_KIND: Record<InteractionKind, string> = {
  MEETING: 'un rendez-vous',
  CALL: 'un appel',
  EMAIL: 'un e-mail',
  VISIT: 'une visite',
  NOTE: 'une note',
};

const CATEGORY: Record<StageCategory, string> = { OPEN: 'en cours', WON: 'gagnée', LOST: 'perdue' };

const plural = (count: number, one: string, other: string) =>
  `${count} ${new Intl.PluralRules('fr').select(count) === 'one' ? one : other}`;

/** « A, B et C » */
const list = (items: string[]) =>
  items.length > 1 ? `${items.slice(0, -1).join(', ')} et ${items[items.length - 1]}` : (items[0] ?? '');

const date = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

function span(startsAt: Date, endsAt: Date): string {
  const start = startsAt.toISOString();
  const end = endsAt.toISOString();
  return start.slice(0, 10) === end.slice(0, 10)
    ? `le ${date(start)} de ${start.slice(11, 16)} à ${end.slice(11, 16)} UTC`
    : `du ${date(start)} ${start.slice(11, 16)} au ${date(end)} ${end.slice(11, 16)} UTC`;
}

export const fr: Messages = {
  required: 'Ce champ est obligatoire.',
  tooLong: ({ max }) => `${plural(max, 'caractère', 'caractères')} au maximum.`,
  tooShort: ({ min }) => `${plural(min, 'caractère', 'caractères')} au minimum.`,
  tooSmall: ({ min }) => `La valeur minimale est ${min}.`,
  tooLarge: ({ max }) => `La valeur maximale est ${max}.`,
  tooManyItems: ({ max }) => `${plural(max, 'élément', 'éléments')} au maximum.`,
  notAList: 'Une liste est attendue.',
  notAnInteger: 'Un nombre entier est attendu.',
  notABoolean: 'Vrai ou faux est attendu.',
  notAChoice: 'Cette valeur ne fait pas partie des choix possibles.',
  notAnEmail: 'Cette adresse e-mail n’est pas valide.',
  notAnId: 'Cet identifiant n’est pas valide.',
  notAUrl: 'Une adresse web commençant par http:// ou https:// est attendue.',
  notACountry: 'Un code pays ISO 3166-1 alpha-2 en majuscules est attendu, par exemple MA.',
  notACurrency: 'Un code de devise ISO 4217 est attendu, par exemple EUR.',
  notAPhone: 'Ce numéro de téléphone n’est pas valide (chiffres, espaces, tirets, parenthèses, un + au début).',
  notALanguage: 'Un code de langue ISO 639-1 en minuscules est attendu, par exemple « fr ».',
  needsLetterOrDigit: 'Doit contenir au moins une lettre ou un chiffre.',
  badAmount: 'Un montant positif ou nul est attendu, avec au plus 16 chiffres avant la virgule et 2 après.',
  badRate: 'Un taux supérieur à 0 est attendu, avec au plus 14 chiffres avant la virgule et 10 après.',
  badSectorCode: 'Lettres minuscules, chiffres et tirets uniquement, 60 caractères au maximum.',
  badFormat: 'Cette valeur n’a pas le format attendu.',
  badValue: 'Cette valeur n’est pas valide.',
  cannotBeRemoved: () => 'Ce champ est obligatoire : il ne peut pas être vidé.',

  referenceMissing: 'Un des enregistrements indiqués n’existe pas.',
  duplicateValues: 'Un enregistrement avec les mêmes valeurs existe déjà.',
  dataModelRule: 'Ces valeurs enfreignent une règle du modèle de données.',

  noSuchAgency: 'Cette agence n’existe pas.',
  noSuchCompany: 'Cette entreprise n’existe pas.',
  noSuchContact: 'Ce contact n’existe pas.',
  noSuchCounterpart: 'Cette contrepartie n’existe pas.',
  noSuchDeal: 'Cette affaire n’existe pas.',
  noSuchExporter: 'Cet exportateur n’existe pas.',
  noSuchInteraction: 'Cette interaction n’existe pas.',
  noSuchMission: 'Cette mission n’existe pas.',
  noSuchParticipant: 'Ce participant n’existe pas.',
  noSuchPipeline: 'Ce pipeline n’existe pas.',
  noSuchSector: 'Ce secteur n’existe pas.',
  noSuchSectorId: ({ id }) => `Aucun secteur n’a l’identifiant ${id}.`,
  noSuchStage: 'Cette étape n’existe pas.',
  noSuchStageInPipeline: 'Cette étape n’existe pas dans ce pipeline.',
  noSuchTask: 'Cette tâche n’existe pas.',
  noSuchToken: 'Vous n’avez pas de jeton d’API avec cet identifiant.',
  noSuchUser: 'Cet utilisateur n’existe pas.',

  wrongCredentials: 'E-mail ou mot de passe incorrect.',
  badLink:
    'Ce lien n’est pas valide : il a peut-être expiré ou déjà servi. Demandez-en un nouveau à un administrateur.',
  emailTaken: 'Cette adresse e-mail est déjà utilisée.',
  userDeactivated: 'Cet utilisateur est désactivé.',
  userDeactivatedNamed: ({ name }) => `Le compte de ${name} est désactivé.`,
  reactivateFirst: 'Cet utilisateur est désactivé : réactivez-le d’abord.',
  lastAdminRole: 'C’est le dernier administrateur actif de l’agence : nommez d’abord quelqu’un d’autre administrateur.',
  lastAdminDeactivation: 'C’est le dernier administrateur actif de l’agence : il ne peut pas être désactivé.',

  duplicateCompany: 'Une entreprise de ce nom existe déjà dans ce pays.',
  sectorCodeTaken: ({ code }) => `Le code « ${code} » est déjà utilisé par un autre secteur.`,
  baseCurrencyRate: ({ currency }) => `${currency} est la devise de référence de l’agence : son taux vaut toujours 1.`,

  missionEndsBeforeStart: 'La mission ne peut pas se terminer avant de commencer.',
  onlyExportersJoin: ({ name, kind }) =>
    `Seuls les exportateurs font partie d’une délégation ; ${name} est ${COMPANY_KIND[kind]}.`,
  alreadyInDelegation: ({ name }) => `${name} fait déjà partie de la délégation de cette mission.`,

  giveSubject: 'Indiquez l’objet.',
  meetingNeedsStatus: 'Un rendez-vous a toujours un statut.',
  meetingNeedsEnd: 'Un rendez-vous qui a un début doit avoir une fin.',
  meetingNeedsStart: 'Un rendez-vous qui a une fin doit avoir un début.',
  meetingEndsBeforeStart: 'Le rendez-vous doit se terminer après son début.',
  plannedMeetingNeedsTimes: 'Un rendez-vous prévu doit avoir un début et une fin dans l’agenda.',
  onlyMeetingsHave: ({ interactionKind }) =>
    `Seuls les rendez-vous ont ce champ (cette interaction est ${interactionKind ? INTERACTION_KIND[interactionKind] : 'd’un autre type'}).`,
  exporterNotExporter: ({ name, kind }) =>
    `${name} est ${COMPANY_KIND[kind]}, pas un exportateur : indiquez-le comme contrepartie.`,
  counterpartIsExporter: 'La contrepartie ne peut pas être l’exportateur lui-même.',
  counterpartInDelegation: ({ name, mission }) =>
    `${name} est un exportateur de la délégation de « ${mission} » : rencontrez des acheteurs, des distributeurs ou des institutions.`,
  dealOfAnotherExporter: ({ deal, exporter }) =>
    `L’affaire « ${deal} » n’est pas celle de ${exporter} : rattachez l’interaction à une affaire de son exportateur.`,
  contactNotAParty: ({ name }) => `${name} ne travaille ni pour l’exportateur ni pour la contrepartie.`,
  agendaConflict: (p) =>
    `Conflit d’agenda : ${list(p.busy)} ${p.busy.length > 1 ? 'ont' : 'a'} déjà un rendez-vous ${span(p.startsAt, p.endsAt)}, ` +
    `« ${p.subject} » (${p.counterpart ? `${p.exporter} avec ${p.counterpart}` : p.exporter}).`,

  giveTitle: 'Indiquez le titre.',
  taskNeedsSubject: 'Précisez à quoi se rapporte la tâche : une entreprise, une mission ou une affaire.',
  taskHasOneSubject: 'Une tâche se rapporte à une seule entreprise, mission ou affaire : créez une tâche pour chacune.',
  noLongerHasAccess: ({ name }) => `${name} n’a plus accès à l’application.`,
  assigneeIsAnalyst: ({ name }) =>
    `${name} est analyste et ne pourrait pas terminer la tâche : confiez-la à un administrateur ou à un chargé d’affaires.`,

  pipelineNeedsName: 'Un pipeline doit avoir un nom.',
  pipelineNameTaken: ({ name }) => `Un pipeline s’appelle déjà « ${name} ».`,
  stageNeedsName: 'Une étape doit avoir un nom.',
  stageNamedTwice: ({ name }) => `Deux étapes s’appellent « ${name} ».`,
  stageListedTwice: 'Une étape figure deux fois dans la liste.',
  pipelineMissesCategories: ({ missing }) =>
    `Un pipeline a besoin d’au moins une étape active (non retirée) de chaque catégorie : en cours, gagnée et perdue ; il manque : ${missing.map((category) => CATEGORY[category]).join(', ')}.`,
  newPipelineNewStages: 'Un nouveau pipeline n’a que des étapes nouvelles : n’indiquez pas d’identifiant.',
  stageHoldsDeals: ({ name, count }) =>
    `L’étape « ${name} » contient ${plural(count, 'affaire', 'affaires')} : gardez-la et retirez-la, ou déplacez d’abord ses affaires vers une autre étape.`,
  stageInHistory: ({ name }) =>
    `L’étape « ${name} » figure dans l’historique d’affaires, qui est conservé : gardez-la et retirez-la plutôt.`,
  stageCategoryLocked: ({ name, count }) =>
    `L’étape « ${name} » contient ${plural(count, 'affaire', 'affaires')} : sa catégorie ne peut pas changer tant qu’elle en contient.`,
  keepADefaultPipeline: 'Faites plutôt d’un autre pipeline le pipeline par défaut.',
  stageRemovedMeanwhile:
    'Une affaire est entrée entre-temps dans une étape que vous avez supprimée : rechargez le pipeline et réessayez.',

  dealChanged: ({ yours, current }) =>
    `Quelqu’un d’autre a modifié l’affaire depuis que vous l’avez ouverte (votre version : ${yours}, version actuelle : ${current}) : rechargez-la et réessayez.`,
  dealExporterNotExporter: ({ name, kind }) => `${name} est ${COMPANY_KIND[kind]}, pas un exportateur.`,
  buyerIsExporter: ({ name }) =>
    `${name} est un exportateur : l’acheteur d’une affaire est une contrepartie étrangère (acheteur, distributeur, distributeur de détail, institution, partenaire).`,
  stageNotInPipeline: 'Cette étape n’appartient pas au pipeline indiqué.',
  stageOfAnotherPipeline: 'Cette étape appartient à un autre pipeline que celui de l’affaire.',
  stageRetired: ({ name }) => `L’étape « ${name} » est retirée.`,
  dealStartsOpen: ({ name, category }) =>
    `Une affaire commence dans une étape en cours ; « ${name} » est une étape ${CATEGORY[category]} : créez l’affaire, puis déplacez-la.`,
  noDefaultPipeline: 'L’agence n’a pas de pipeline par défaut : indiquez un pipeline.',
  pipelineHasNoOpenStage: ({ name }) => `Le pipeline « ${name} » n’a aucune étape en cours.`,
  dealNeedsExporter: 'Une affaire doit avoir un exportateur.',
  dealNeedsTitle: 'Une affaire doit avoir un titre.',
  dealNeedsOwner: 'Une affaire doit avoir un responsable.',
  dealNeedsCurrency: 'Une affaire doit avoir une devise.',
  dealAlreadyInStage: ({ name }) => `L’affaire est déjà à l’étape « ${name} ».`,
  sayWhyLost: 'Indiquez pourquoi l’affaire a été perdue.',
  lostDealKeepsReason: 'Une affaire perdue garde la raison de sa perte.',
  lostReasonOnlyWhenLost: 'Seule une affaire perdue a une raison de perte.',
  lostReasonOnlyForLostStage: 'Une raison de perte ne s’indique que pour une étape perdue.',
  // search
  searchQueryEmpty: 'Tapez au moins une lettre ou un chiffre pour chercher.',
  searchQueryTooLong: ({ max }) => `Une recherche compte au plus ${max} caractères.`,
  filterTextTooLong: ({ field, max }) => `Le filtre ${field} compte au plus ${max} caractères.`,

  // merge
  mergeKeepAlsoMerged: 'La fiche conservée ne peut pas être aussi l’une des fiches fusionnées avec elle.',
  mergeNothingToMerge: 'Choisissez au moins une fiche à fusionner avec celle conservée.',
  mergeListedTwice: 'Une fiche figure deux fois.',
  mergeAlreadyMerged: ({ name }) => `« ${name} » a déjà été fusionnée avec une autre fiche : ouvrez plutôt celle-ci.`,
  mergeStale: ({ name }) =>
    `« ${name} » a été modifiée par quelqu’un d’autre depuis votre relecture : rechargez-la et relisez la fusion.`,
  mergeValueFromElsewhere: 'Une valeur conservée doit venir de l’une des fiches fusionnées.',
  mergeDealWithItself: ({ deal }) =>
    `L’affaire « ${deal} » a l’une de ces sociétés pour exportateur et une autre pour acheteur : fusionnée, la société se vendrait à elle-même. Changez d’abord l’acheteur de l’affaire.`,
  mergeMeetingWithItself: ({ name }) =>
    `« ${name} » réunit deux de ces sociétés : fusionnée, la société se rencontrerait elle-même. Changez d’abord l’interlocuteur.`,
  mergeExporterRole: ({ count }) =>
    `La société conservée ne serait pas un exportateur, or elle serait l’exportateur de ${count} affaire(s), rendez-vous ou participation(s) à des missions : gardez le type « exportateur ».`,
  mergeBuyerRole: ({ count }) =>
    `La société conservée serait un exportateur, or elle serait l’acheteur de ${count} affaire(s) : gardez le type de l’interlocuteur.`,
  // import
  importFileNotFound:
    'Le fichier est introuvable ou a expiré (les fichiers sont gardés un jour) : déposez-le à nouveau.',
  importFileUnreadable:
    'Le fichier est illisible : déposez un fichier CSV (UTF-8, Windows-1251 ou Windows-1252) ou XLSX.',
  importFileEmpty: 'Le fichier ne contient aucune ligne sous sa ligne d’en-tête.',
  importFileTooLarge: ({ max }) =>
    `Le fichier dépasse ${Math.round(max / 1_000_000)} Mo : découpez-le en fichiers plus petits.`,
  importForbidden: 'Seuls les administrateurs et les chargés d’affaires importent des fichiers.',
  importNeedsMission: 'Choisissez la mission dont le fichier remplit la délégation.',
  importFieldNotMapped: ({ field }) => `Associez une colonne à « ${field} » : chaque ligne en a besoin.`,
  importFieldMappedTwice: ({ field }) => `Deux colonnes sont associées à « ${field} » : n’en gardez qu’une.`,
  importUnknownField: ({ field }) => `« ${field} » n’est pas un champ de ce type d’import.`,
  importUnknownKind: ({ value }) =>
    `« ${value} » n’est pas un type de société (exportateur, acheteur, distributeur, détaillant, institution, partenaire).`,
  importUnknownStatus: ({ value }) =>
    `« ${value} » n’est pas un statut de participation (invité, inscrit, confirmé, présent, désisté).`,
  importUnknownSector: ({ value }) => `Aucun secteur de l’agence ne s’appelle « ${value} ».`,
  importUnknownUser: ({ value }) => `Aucun utilisateur actif de l’agence ne correspond à « ${value} ».`,
  importUnknownCompany: ({ value }) => `Aucune société « ${value} » dans le CRM : importez d’abord les sociétés.`,
  importAmbiguousCompany: ({ value }) =>
    `Plusieurs sociétés s’appellent « ${value} » : ajoutez leur pays dans une colonne.`,
  importNotAnExporter: ({ name }) =>
    `${name} n’est pas un exportateur : seuls les exportateurs font partie d’une délégation.`,
  importDecisionsMissing: ({ count }) =>
    `${count} doublon(s) possible(s) attendent une décision (lier, créer quand même ou ignorer) avant l’import.`,
  importBadDecision: ({ row }) =>
    `Ligne ${row} : liez-la à l’un des enregistrements qu’elle rappelle, créez-la quand même ou ignorez-la.`,
  importReasonNew: 'Nouvel enregistrement.',
  importReasonSameId: ({ name }) => `Même ID que ${name}.`,
  importReasonUnknownId: 'Son ID n’est pas un enregistrement de l’agence : rapprochée par ses autres valeurs.',
  importReasonSameDomain: ({ domain, name }) => `Même site web (${domain}) que ${name}.`,
  importReasonSameEmail: ({ email, name }) => `Même e-mail (${email}) que ${name}.`,
  importReasonSameName: ({ name }) => `Même nom et même pays que ${name}.`,
  importReasonSameNameCompany: ({ name }) => `Même nom et même société que ${name}.`,
  importReasonSameAsRow: ({ row }) => `Même enregistrement que la ligne ${row} : ignorée.`,
  importReasonSimilar: ({ count }) =>
    `Ressemble à ${count} enregistrement(s) : liez-la, créez-la quand même ou ignorez-la.`,
  importReasonChanges: ({ fields }) => `Modifiera : ${fields}.`,
  importReasonUnchanged: 'Identique à l’enregistrement : rien à modifier.',
  importReasonSkipped: 'Ignorée, comme décidé.',
  importReasonCreateAnyway: 'Créée quand même, comme décidé.',
  importReasonLinked: ({ name }) => `Liée à ${name}, comme décidé.`,
  importReasonInDelegation: ({ name }) => `${name} fait déjà partie de la délégation.`,
  importReasonJoins: ({ name }) => `${name} rejoint la délégation.`,
  importRejectedReason: 'Motif du rejet',
  importBatchNotFound: 'Import introuvable.',
  importAlreadyUndone: 'Cet import a déjà été annulé.',
  importUndoModified: ({ name }) => `${name} a été modifié après l’import : l’import ne peut plus être annulé.`,
  importUndoReferenced: ({ name }) =>
    `${name} est utilisé par des données ajoutées après l’import (contacts, affaires, rendez-vous…) : l’import ne peut plus être annulé.`,
  // export
  exportSignIn: 'Connectez-vous, ou envoyez un jeton d’API (Authorization: Bearer …), pour exporter.',
  exportBadJson: ({ parameter }) => `Le paramètre ${parameter} n’est pas du JSON valide.`,
  exportBadParameter: ({ parameter, detail }) =>
    `Le paramètre ${parameter} n’est pas valable pour cette liste : ${detail}`,
  exportMissionRequired: 'Précisez la mission : missionId=<id>.',
  exportNoSuchMission: 'Mission introuvable.',
  exportBadDay: ({ day }) => `« ${day} » n’est pas un jour : écrivez-le 2026-12-31.`,
  exportBadTimeZone: ({ zone }) => `Fuseau horaire inconnu « ${zone} » (par exemple Europe/Paris).`,
  exportRateLimited: ({ seconds, perMinute }) =>
    `Le budget d’API de l’utilisateur de ce jeton est épuisé (un export coûte un point par ligne ; ${perMinute} reviennent par minute). Réessayez dans ${seconds} s.`,
  signInLimited: ({ seconds }) =>
    `Trop d’échecs de connexion pour ce compte ou depuis ce réseau. Réessayez dans ${seconds < 60 ? `${seconds} s` : `${Math.ceil(seconds / 60)} min`}, ou demandez un lien de réinitialisation du mot de passe à un administrateur.`,
  signInBusy: ({ seconds }) => `Le serveur est occupé à connecter d’autres personnes. Réessayez dans ${seconds} s.`,
  // hardening
  tokenNeedsSession:
    'Les jetons d’API se créent seulement en étant connecté à l’application web, pas avec un jeton d’API.',
  // limites et délais des analyses
  analyticsTooManyRows: ({ count, max }) =>
    `Ce rapport aurait environ ${count} lignes ; la limite est de ${max}. Réduisez-le : une période plus courte, une période plus large (trimestre ou année au lieu du mois), moins de regroupements ou un filtre.`,
  analyticsTooManyMonths: ({ count, max }) =>
    `Un rapport par mois couvre au plus ${max} mois ; celui-ci en couvre ${count}. Raccourcissez la période ou regroupez par trimestre ou par année.`,
  statementTimeout:
    'La requête a pris trop de temps et a été arrêtée. Demandez moins (une période plus courte, moins de regroupements ou des pages plus petites) ou réessayez plus tard.',
  databaseUnavailable: 'La base de données est momentanément indisponible. Réessayez dans quelques secondes.',
  // exporter confirmation of won deals (modules/confirmation)
  mailFromInvalid: 'Indiquez une adresse e-mail, seule ou après un nom : Mosprom <crm@mosprom.ru>.',
  noFreeSlot:
    'Les jours restants de la mission n’ont pas de demi-heure où tous deux sont libres (9 h-18 h, heure locale) : planifiez-le à la main.',
  suggestedMeetingSubject: ({ counterpart }: { counterpart: string }) => `Rendez-vous avec ${counterpart}`,
  confirmWonOnly: 'Seule une affaire gagnée peut être confirmée par son exportateur.',
  confirmNoContact: 'L’exportateur n’a aucun contact avec une adresse e-mail : ajoutez-en un d’abord.',
  confirmContactNotExporter: 'Choisissez un contact de l’exportateur de l’affaire qui a une adresse e-mail.',
  confirmLinkInvalid: 'Ce lien ne fonctionne plus : il a déjà reçu une réponse, ou il a expiré.',
  confirmCorrectionNeeded: 'Indiquez le bon montant ou la bonne date de signature.',
  confirmSignedInFuture: 'La date de signature ne peut pas être postérieure à aujourd’hui.',
  confirmTooManyAttempts: ({ seconds }: { seconds: number }) =>
    `Trop de tentatives depuis votre adresse. Réessayez dans ${seconds} secondes.`,
  confirmAnsweredTask: ({ exporter, deal, answer }: { exporter: string; deal: string; answer: string }) =>
    `${exporter} a ${answer} « ${deal} » : voir la confirmation de l’affaire`,
  confirmAnswerConfirmed: 'confirmé',
  confirmAnswerCorrected: 'corrigé',
  confirmAnswerDisputed: 'contesté',
  cursorInvalid: 'Le curseur n’est pas valable pour cette liste et cet ordre.',
  pageSizeOutOfRange: ({ field, max }) => `\`${field}\` doit être compris entre 0 et ${max}.`,
  pageBothDirections: 'Passez `first` ou `last`, pas les deux.',
};
