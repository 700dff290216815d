import type { Language } from '../messages/index.js';

/**
 * The columns of the records that go in and out as files (import and export share them, so an
 * exported file imports back unchanged): each field's header in the user's language, and the
 * other headers people use for it in Excel files ("Raison sociale", "Наименование"), matched
 * after folding (see shared/fold.ts).
 */
export interface ColumnSpec {
  field: string;
  label: Record<Language, string>;
  /** Other headers that mean this field, in any language. */
  synonyms: string[];
}

const col = (field: string, en: string, fr: string, ru: string, ...synonyms: string[]): ColumnSpec => ({
  field,
  label: { en, fr, ru },
  synonyms,
});

/** The record's id: an exported file carries it, so its rows match the same records when imported back. */
const ID_COLUMN = col('id', 'ID', 'ID', 'ID', 'identifier', 'identifiant', 'идентификатор', 'uuid');

export const COMPANY_COLUMNS: ColumnSpec[] = [
  ID_COLUMN,
  col(
    'name',
    'Company',
    'Raison sociale',
    'Наименование',
    'company name',
    'name',
    'organisation',
    'organization',
    'société',
    'entreprise',
    'nom',
    'nom de la société',
    'dénomination',
    'название',
    'компания',
    'организация',
    'наименование организации',
  ),
  col('kind', 'Type', 'Type', 'Тип', 'kind', 'category', 'catégorie', 'вид', 'категория'),
  col('country', 'Country', 'Pays', 'Страна', 'country code', 'code pays', 'код страны'),
  col('city', 'City', 'Ville', 'Город', 'town', 'localité', 'населенный пункт'),
  col('website', 'Website', 'Site web', 'Сайт', 'site', 'site internet', 'web', 'url', 'веб сайт', 'www'),
  col('brands', 'Brands', 'Marques', 'Бренды', 'brand', 'marque', 'бренд', 'торговые марки'),
  col('sectors', 'Sectors', 'Secteurs', 'Отрасли', 'sector', 'secteur', 'industry', 'отрасль', 'сектор'),
  col(
    'accountManager',
    'Account manager',
    'Chargé d’affaires',
    'Менеджер',
    'owner',
    'manager',
    'responsable',
    'chargé d affaires',
    'ответственный',
    'менеджер проекта',
  ),
  col(
    'notes',
    'Notes',
    'Notes',
    'Заметки',
    'note',
    'comment',
    'comments',
    'commentaire',
    'remarques',
    'примечание',
    'комментарий',
  ),
];

export const CONTACT_COLUMNS: ColumnSpec[] = [
  ID_COLUMN,
  col(
    'fullName',
    'Full name',
    'Nom complet',
    'ФИО',
    'name',
    'contact',
    'contact name',
    'nom',
    'nom et prénom',
    'prénom nom',
    'имя',
    'контакт',
    'фамилия имя',
  ),
  col(
    'company',
    'Company',
    'Société',
    'Компания',
    'organisation',
    'organization',
    'entreprise',
    'raison sociale',
    'организация',
    'наименование',
  ),
  col('companyCountry', 'Company country', 'Pays de la société', 'Страна компании', 'country', 'pays', 'страна'),
  col('jobTitle', 'Job title', 'Fonction', 'Должность', 'title', 'position', 'poste', 'titre', 'позиция'),
  col(
    'email',
    'E-mail',
    'E-mail',
    'Эл. почта',
    'email',
    'e mail',
    'mail',
    'courriel',
    'adresse e mail',
    'почта',
    'электронная почта',
  ),
  col('phone', 'Phone', 'Téléphone', 'Телефон', 'mobile', 'tel', 'tél', 'portable', 'телефон мобильный', 'моб'),
  col('languages', 'Languages', 'Langues', 'Языки', 'language', 'langue', 'язык'),
];

/** A mission's delegation: a company per row, and its participation. */
export const DELEGATION_COLUMNS: ColumnSpec[] = [
  ...COMPANY_COLUMNS,
  col('participantStatus', 'Participation', 'Participation', 'Участие', 'status', 'statut', 'статус'),
  col('participantNotes', 'Participation notes', 'Notes de participation', 'Заметки об участии'),
];
