import type { Language } from '../../shared/messages/index.js';
import { COMPANY_COLUMNS, CONTACT_COLUMNS, type ColumnSpec, DELEGATION_COLUMNS } from '../../shared/tabular/columns.js';

/** How a cell is written: text as is, days and instants per locale, decimals with the locale's separator. */
export type CellKind = 'text' | 'day' | 'datetime' | 'decimal';

export interface ExportColumn {
  field: string;
  label: Record<Language, string>;
  kind: CellKind;
  /** Width of the XLSX column, in characters. */
  width: number;
}

const WIDE = new Set(['name', 'company', 'fullName', 'title', 'subject', 'notes', 'participantNotes', 'website']);

/** Columns of the shared vocabulary (importable lists): all text, written as the importer reads them. */
function shared(specs: readonly ColumnSpec[]): ExportColumn[] {
  return specs.map((spec) => ({
    field: spec.field,
    label: spec.label,
    kind: 'text',
    width: spec.field === 'id' ? 38 : WIDE.has(spec.field) ? 32 : 16,
  }));
}

const col = (field: string, kind: CellKind, width: number, en: string, fr: string, ru: string): ExportColumn => ({
  field,
  kind,
  width,
  label: { en, fr, ru },
});

export const COMPANY_EXPORT = shared(COMPANY_COLUMNS);
export const CONTACT_EXPORT = shared(CONTACT_COLUMNS);
export const DELEGATION_EXPORT = shared(DELEGATION_COLUMNS);

export const DEAL_EXPORT: ExportColumn[] = [
  col('id', 'text', 38, 'ID', 'ID', 'ID'),
  col('title', 'text', 32, 'Deal', 'Affaire', 'Сделка'),
  col('pipeline', 'text', 16, 'Pipeline', 'Pipeline', 'Воронка'),
  col('stage', 'text', 16, 'Stage', 'Étape', 'Этап'),
  col('category', 'text', 10, 'Status', 'Statut', 'Статус'),
  col('exporter', 'text', 28, 'Exporter', 'Exportateur', 'Экспортер'),
  col('buyer', 'text', 28, 'Buyer', 'Acheteur', 'Покупатель'),
  col('amount', 'decimal', 16, 'Amount', 'Montant', 'Сумма'),
  col('currency', 'text', 8, 'Currency', 'Devise', 'Валюта'),
  col('expectedCloseOn', 'day', 12, 'Expected close', 'Clôture prévue', 'Ожидаемое закрытие'),
  col('closedOn', 'day', 12, 'Closed on', 'Clôturée le', 'Закрыта'),
  col('owner', 'text', 24, 'Owner', 'Responsable', 'Ответственный'),
  col('sourceMission', 'text', 24, 'Source mission', 'Mission d’origine', 'Миссия-источник'),
  col('destinationCountry', 'text', 8, 'Destination', 'Destination', 'Страна назначения'),
  col('sector', 'text', 16, 'Sector', 'Secteur', 'Отрасль'),
  col('products', 'text', 24, 'Products', 'Produits', 'Продукция'),
  col('lostReason', 'text', 24, 'Lost reason', 'Motif de perte', 'Причина проигрыша'),
  col('createdAt', 'datetime', 17, 'Created', 'Créée le', 'Создана'),
];

export const INTERACTION_EXPORT: ExportColumn[] = [
  col('id', 'text', 38, 'ID', 'ID', 'ID'),
  col('kind', 'text', 10, 'Type', 'Type', 'Тип'),
  col('occurredAt', 'datetime', 17, 'Date', 'Date', 'Дата'),
  col('startsAt', 'datetime', 17, 'Starts', 'Début', 'Начало'),
  col('endsAt', 'datetime', 17, 'Ends', 'Fin', 'Окончание'),
  col('status', 'text', 10, 'Status', 'Statut', 'Статус'),
  col('subject', 'text', 32, 'Subject', 'Objet', 'Тема'),
  col('exporter', 'text', 28, 'Exporter', 'Exportateur', 'Экспортер'),
  col('counterpart', 'text', 28, 'Counterpart', 'Interlocuteur', 'Контрагент'),
  col('mission', 'text', 24, 'Mission', 'Mission', 'Миссия'),
  col('deal', 'text', 24, 'Deal', 'Affaire', 'Сделка'),
  col('author', 'text', 24, 'Author', 'Auteur', 'Автор'),
  col('outcome', 'text', 10, 'Outcome', 'Résultat', 'Итог'),
  col('place', 'text', 16, 'Place', 'Lieu', 'Место'),
  col('notes', 'text', 32, 'Notes', 'Notes', 'Заметки'),
];

/** The B2B agenda: meetings by start, in the mission's time zone (the interactions' columns, in the agenda's order). */
export const AGENDA_EXPORT: ExportColumn[] = [
  'startsAt',
  'endsAt',
  'exporter',
  'counterpart',
  'subject',
  'place',
  'status',
  'outcome',
  'id',
].map((field) => INTERACTION_EXPORT.find((column) => column.field === field)!);
