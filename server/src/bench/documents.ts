import { type DocumentNode, print, visit } from 'graphql';
// The web client's own operations, as GraphQL Code Generator compiled them from its components:
// the bench sends exactly what the screens send, and follows them when a screen changes.
import * as web from '../../../web/src/gql/graphql.js';

/** Directives Apollo Client reads and removes before sending (data masking): never sent to a server. */
const CLIENT_ONLY_DIRECTIVES = new Set(['unmask', 'nonreactive']);

const text = (document: unknown) =>
  print(
    visit(document as DocumentNode, {
      Directive: (node) => (CLIENT_ONLY_DIRECTIVES.has(node.name.value) ? null : undefined),
    }),
  );

export const Viewer = text(web.ViewerDocument);
export const PipelineSwitcher = text(web.PipelineSwitcherDocument);
export const PipelineBoard = text(web.PipelineBoardDocument);
export const CompaniesPage = text(web.CompaniesPageDocument);
export const ContactsPage = text(web.ContactsPageDocument);
export const CompanyPage = text(web.CompanyPageDocument);
export const MissionPage = text(web.MissionPageDocument);
export const MissionAgenda = text(web.MissionAgendaDocument);
export const MissionDeals = text(web.MissionDealsDocument);
export const MissionOutcome = text(web.MissionOutcomeDocument);
export const DashboardWork = text(web.DashboardWorkDocument);
export const DashboardAnalytics = text(web.DashboardAnalyticsDocument);
export const DashboardFunnel = text(web.DashboardFunnelDocument);
export const SearchPalette = text(web.SearchPaletteDocument);
