import { useMemo } from 'react';
import type { MissionStatus, Outcome, ParticipantStatus } from '../../../gql/graphql';
import { intlLocale } from '../../../lib/i18n/languages';
import { useFormat } from '../../../lib/i18n/useFormat';
import { useLanguage } from '../../../lib/i18n/useLanguage';
import { dayAsDate } from './time';

// ISO 3166-1 alpha-2 codes, for the host country select.
const COUNTRY_CODES =
  'AD AE AF AG AL AM AO AR AT AU AZ BA BB BD BE BF BG BH BI BJ BN BO BR BS BT BW BY BZ CA CD CF CG CH CI CL CM CN CO CR CU CV CY CZ DE DJ DK DM DO DZ EC EE EG ER ES ET FI FJ FM FR GA GB GD GE GH GM GN GQ GR GT GW GY HK HN HR HT HU ID IE IL IN IQ IR IS IT JM JO JP KE KG KH KI KM KN KP KR KW KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MG MH MK ML MM MN MR MT MU MV MW MX MY MZ NA NE NG NI NL NO NP NR NZ OM PA PE PG PH PK PL PS PT PW PY QA RO RS RU RW SA SB SC SD SE SG SI SK SL SM SN SO SR SS ST SV SY SZ TD TG TH TJ TL TM TN TO TR TT TV TW TZ UA UG US UY UZ VA VC VE VN VU WS YE ZA ZM ZW'.split(
    ' ',
  );

export const MISSION_STATUSES: readonly MissionStatus[] = ['PLANNED', 'OPEN', 'ONGOING', 'COMPLETED', 'CANCELLED'];
export const MISSION_KINDS = [
  'TRADE_MISSION',
  'BUYERS_PROGRAMME',
  'BUSINESS_FORUM',
  'INBOUND_DELEGATION',
  'ONLINE_MISSION',
  'TRADE_FAIR',
] as const;
export const PARTICIPANT_STATUSES: readonly ParticipantStatus[] = [
  'INVITED',
  'REGISTERED',
  'CONFIRMED',
  'ATTENDED',
  'WITHDREW',
];
export const OUTCOMES: readonly Outcome[] = ['POSITIVE', 'NEUTRAL', 'NEGATIVE'];

/** Formatting for missions: countries by name, days, date ranges and times in a mission's zone. */
export function useMissionFormat() {
  const [language] = useLanguage();
  const format = useFormat();
  return useMemo(() => {
    let regions: Intl.DisplayNames | null = null;
    try {
      regions = new Intl.DisplayNames([intlLocale(language)], { type: 'region' });
    } catch {
      regions = null;
    }
    const countryName = (code: string | null | undefined) => {
      if (!code) return '';
      try {
        return regions?.of(code.toUpperCase()) ?? code;
      } catch {
        return code;
      }
    };
    const formatDay = (day: string, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' }) =>
      format.formatDate(dayAsDate(day), { ...options, timeZone: 'UTC' });
    return {
      ...format,
      countryName,
      countries: COUNTRY_CODES.map((code) => ({ value: code, label: countryName(code) })).sort((a, b) =>
        a.label.localeCompare(b.label, intlLocale(language)),
      ),
      formatDay,
      /** "8 – 10 sept. 2025", or one day, or '' without dates. */
      formatDateRange: (startsOn: string | null, endsOn: string | null) => {
        if (!startsOn) return '';
        if (!endsOn || endsOn === startsOn) return formatDay(startsOn);
        try {
          const range = new Intl.DateTimeFormat(intlLocale(language), { dateStyle: 'medium', timeZone: 'UTC' });
          return range.formatRange(dayAsDate(startsOn), dayAsDate(endsOn));
        } catch {
          return `${formatDay(startsOn)} – ${formatDay(endsOn)}`;
        }
      },
      formatTime: (value: string, timeZone: string) => format.formatDate(value, { timeStyle: 'short', timeZone }),
      formatDateTime: (value: string, timeZone?: string) =>
        format.formatDate(value, { dateStyle: 'medium', timeStyle: 'short', ...(timeZone ? { timeZone } : {}) }),
    };
  }, [language, format]);
}
