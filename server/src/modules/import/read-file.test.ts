import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ImportKind } from './import.enums.js';
import { rememberedColumns, suggestMapping } from './mapping.js';
import { readTable } from './read-file.js';

const ROWS = [
  ['Raison sociale', 'Pays', 'Ville', 'Site web'],
  ['Société Générale d’Épices', 'MA', 'Fès', 'https://epices.ma'],
  ['Conserves "du Nord"; Tanger', 'MA', 'Tanger', ''],
];

function csv(rows: string[][], separator: string): string {
  const quote = (cell: string) => (/["\n,;]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);
  return `${rows.map((row) => row.map(quote).join(separator)).join('\r\n')}\r\n`;
}

describe('reading files as people have them', () => {
  it('reads UTF-8 with a BOM and ";" (French Excel)', async () => {
    const table = await readTable(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv(ROWS, ';'))]));
    expect(table).toMatchObject({ format: 'CSV', encoding: 'UTF-8', separator: ';' });
    expect(table.headers).toEqual(ROWS[0]);
    expect(table.rows).toEqual(ROWS.slice(1));
    expect(table.rowNumbers).toEqual([2, 3]);
  });

  it('reads UTF-8 without a BOM and ","', async () => {
    const table = await readTable(Buffer.from(csv(ROWS, ',')));
    expect(table).toMatchObject({ encoding: 'UTF-8', separator: ',' });
    expect(table.rows[1][0]).toBe('Conserves "du Nord"; Tanger');
  });

  it('reads Windows-1251 (Cyrillic)', async () => {
    const rows = [
      ['Наименование', 'Город'],
      ['ООО «Морской берег»', 'Москва'],
      ['Сибирская рыба', 'Новосибирск'],
    ];
    const table = await readTable(iconv.encode(csv(rows, ';'), 'win1251'));
    expect(table.encoding).toBe('WINDOWS-1251');
    expect(table.headers).toEqual(rows[0]);
    expect(table.rows).toEqual(rows.slice(1));
  });

  it('reads Windows-1252 (accents)', async () => {
    const table = await readTable(iconv.encode(csv(ROWS, ';'), 'win1252'));
    expect(table.encoding).toBe('WINDOWS-1252');
    expect(table.rows[0]).toEqual(ROWS[1]);
  });

  it('reads the first sheet of an XLSX file, numbers and links as text, blank rows skipped', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Exportateurs');
    sheet.addRow(['Raison sociale', 'Téléphone', 'Site web']);
    sheet.addRow(['Сибирская рыба', 74951234567, { text: 'ryba.ru', hyperlink: 'https://ryba.ru' }]);
    sheet.addRow([]);
    sheet.addRow(['Épices de Fès', '', '']);
    const table = await readTable(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(table).toMatchObject({ format: 'XLSX', sheet: 'Exportateurs', encoding: null });
    expect(table.rows).toEqual([
      ['Сибирская рыба', '74951234567', 'ryba.ru'],
      ['Épices de Fès', '', ''],
    ]);
    expect(table.rowNumbers).toEqual([2, 4]);
  });
});

describe('the mapping proposed from the headers', () => {
  it('knows the headers in French, English and Russian, whatever the case and accents', () => {
    expect(suggestMapping(ImportKind.COMPANIES, ['RAISON SOCIALE', 'pays', 'Site Web', 'Colonne X'], null)).toEqual([
      'name',
      'country',
      'website',
      null,
    ]);
    expect(suggestMapping(ImportKind.COMPANIES, ['Company', 'Country', 'City', 'Brands'], null)).toEqual([
      'name',
      'country',
      'city',
      'brands',
    ]);
    expect(suggestMapping(ImportKind.COMPANIES, ['Наименование', 'Страна', 'Город', 'Сайт'], null)).toEqual([
      'name',
      'country',
      'city',
      'website',
    ]);
    // For contacts "Company" is where the person works; "Nom" their name.
    expect(suggestMapping(ImportKind.CONTACTS, ['Nom', 'Société', 'Courriel', 'Tél'], null)).toEqual([
      'fullName',
      'company',
      'email',
      'phone',
    ]);
  });

  it('proposes each field once, and what the agency chose last time first', () => {
    expect(suggestMapping(ImportKind.COMPANIES, ['Nom', 'Raison sociale'], null)).toEqual(['name', null]);
    const remembered = rememberedColumns(['Entreprise cliente', 'Nom'], ['name', null]);
    expect(remembered).toEqual({ 'entreprise cliente': 'name', nom: '' });
    expect(suggestMapping(ImportKind.COMPANIES, ['Nom', 'ENTREPRISE CLIENTE'], remembered)).toEqual([null, 'name']);
  });
});
