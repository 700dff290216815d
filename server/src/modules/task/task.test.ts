import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../../test/sign-in.js';
import { type ResponseNode, startTestServer, type TestServer } from '../../test/test-server.js';

let server: TestServer;
let admin: string;
let manager: string;
let analyst: string;
let asmex: string;

type Node = ResponseNode;

const FIELDS = `id title notes dueOn done doneAt createdAt assignee { email } company { id name } mission { id name }
  deal { id title }`;
const TASKS = `query($first: Int, $after: String, $last: Int, $before: String, $filter: TaskFilter, $orderBy: TaskOrder) {
  tasks(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {
    totalCount nodes { ${FIELDS} } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;
const CREATE = `mutation($input: CreateTaskInput!) {
  createTask(input: $input) { task { ${FIELDS} } userErrors { field message code } }
}`;
const COMPLETE = `mutation($input: CompleteTaskInput!) {
  completeTask(input: $input) { task { ${FIELDS} } userErrors { field message code } }
}`;

async function list(variables: Record<string, unknown>, cookie = manager): Promise<Node> {
  const response = await server.gql(TASKS, variables, { cookie });
  expect(response.errors).toBeUndefined();
  return response.data!.tasks;
}
async function create(input: Record<string, unknown>, cookie = manager): Promise<Node> {
  const response = await server.gql(CREATE, { input }, { cookie });
  expect(response.errors).toBeUndefined();
  return response.data!.createTask;
}
async function complete(taskId: string, cookie = manager): Promise<Node> {
  const response = await server.gql(COMPLETE, { input: { taskId } }, { cookie });
  expect(response.errors).toBeUndefined();
  return response.data!.completeTask;
}
const ids = (connection: Node) => connection.nodes.map((node: Node) => node.id);
const errorsOf = (payload: Node) =>
  payload.userErrors.map((error: Node) => ({ code: error.code, field: error.field?.join('.') }));

async function rowCounts(): Promise<{ tasks: number; audit: number }> {
  const [row] = await server.sql<Record<string, string>>(
    'select (select count(*) from task) as tasks, (select count(*) from audit_event) as audit',
  );
  return { tasks: Number(row.tasks), audit: Number(row.audit) };
}

let casablanca: string;
let nexT: string;
let fishWorld: string;
let managerId: string;
let adminId: string;
let analystId: string;
let dealId: string;
const created: Node[] = [];

beforeAll(async () => {
  // Counts statements and compares the compiled reads with the resolvers: no answers kept between requests.
  server = await startTestServer({ app: { keepAnswers: false } });
  ({ admin, manager, analyst, asmex } = await signIn(server, 'admin', 'manager', 'analyst', 'asmex'));
  casablanca = await server.idOf('mission', 'name', 'Mission commerciale Mosprom à Casablanca');
  nexT = await server.idOf('company', 'name', 'Nex-T LLC');
  fishWorld = await server.idOf('company', 'name', 'Fish World');
  managerId = await server.idOf('user', 'email', 'manager@mosprom.demo');
  adminId = await server.idOf('user', 'email', 'admin@mosprom.demo');
  analystId = await server.idOf('user', 'email', 'analyst@mosprom.demo');
  [{ id: dealId }] = await server.sql<{ id: string }>(
    `select d.id from deal d join agency a on a.id = d.agency_id where a.short_name = 'Mosprom' order by d.title limit 1`,
  );
});
afterAll(() => server?.close());

describe('createTask', () => {
  it('creates a follow-up for the viewer by default, about a company, a mission or a deal, and audits it', async () => {
    const mine = await create({ title: ' Envoyer les échantillons ', dueOn: '2026-12-04', companyId: nexT });
    expect(mine.userErrors).toEqual([]);
    expect(mine.task).toMatchObject({
      title: 'Envoyer les échantillons',
      dueOn: '2026-12-04',
      done: false,
      doneAt: null,
      assignee: { email: 'manager@mosprom.demo' },
      company: { id: nexT, name: 'Nex-T LLC' },
      mission: null,
      deal: null,
    });
    const forAdmin = await create({
      title: 'Bilan de mission',
      dueOn: '2026-12-04',
      missionId: casablanca,
      assigneeId: adminId,
      notes: 'Pour le Département.',
    });
    expect(forAdmin.task).toMatchObject({ assignee: { email: 'admin@mosprom.demo' }, mission: { id: casablanca } });
    const aboutDeal = await create({ title: 'Relancer', dueOn: '2026-12-04', dealId });
    expect(aboutDeal.userErrors).toEqual([]);
    const [row] = await server.sql('select deal_id, company_id, mission_id from task where id = ?', [
      aboutDeal.task.id,
    ]);
    expect(row).toEqual({ deal_id: dealId, company_id: null, mission_id: null });
    const [deal] = await server.sql('select title from deal where id = ?', [dealId]);
    expect(aboutDeal.task).toMatchObject({ deal: { id: dealId, title: deal.title }, company: null, mission: null });
    created.push(mine.task, forAdmin.task, aboutDeal.task);

    const [event] = await server.sql(`select action, entity, changes from audit_event where entity_id = ?`, [
      mine.task.id,
    ]);
    expect(event).toMatchObject({ action: 'createTask', entity: 'Task' });
    expect(event.changes).toMatchObject({
      title: { before: null, after: 'Envoyer les échantillons' },
      dueOn: { before: null, after: '2026-12-04' },
      assignee: { before: null, after: managerId },
      company: { before: null, after: nexT },
    });
  });

  it('checks each rule with a field path and a code, and writes nothing when it refuses', async () => {
    const [{ id: inactiveId }] = await server.sql<{ id: string }>(
      `insert into "user" (id, agency_id, email, full_name, role, active, locale)
       select gen_random_uuid(), agency_id, 'former@mosprom.demo', 'Ancien Collègue', 'ACCOUNT_MANAGER', false, 'fr'
         from "user" where id = ? returning id`,
      [managerId],
    );
    const before = await rowCounts();
    const base = { title: 'Relance', dueOn: '2026-12-01', companyId: nexT };
    const unknown = '00000000-0000-4000-8000-000000000000';
    const cases: [Record<string, unknown>, { code: string; field: string }[]][] = [
      [{ title: '' }, [{ code: 'REQUIRED', field: 'input.title' }]],
      [{ title: '   ' }, [{ code: 'REQUIRED', field: 'input.title' }]],
      [{ title: 'x'.repeat(301) }, [{ code: 'INVALID', field: 'input.title' }]],
      [{ notes: 'x'.repeat(20_001) }, [{ code: 'INVALID', field: 'input.notes' }]],
      [{ companyId: null }, [{ code: 'REQUIRED', field: 'input.companyId' }]],
      [{ missionId: casablanca }, [{ code: 'INVALID', field: 'input.missionId' }]],
      [
        { missionId: casablanca, dealId },
        [
          { code: 'INVALID', field: 'input.missionId' },
          { code: 'INVALID', field: 'input.dealId' },
        ],
      ],
      [{ companyId: 'nope' }, [{ code: 'INVALID', field: 'input.companyId' }]],
      [{ companyId: unknown }, [{ code: 'NOT_FOUND', field: 'input.companyId' }]],
      [{ companyId: null, missionId: unknown }, [{ code: 'NOT_FOUND', field: 'input.missionId' }]],
      [{ companyId: null, dealId: unknown }, [{ code: 'NOT_FOUND', field: 'input.dealId' }]],
      [{ assigneeId: unknown }, [{ code: 'NOT_FOUND', field: 'input.assigneeId' }]],
      [{ assigneeId: analystId }, [{ code: 'INVALID', field: 'input.assigneeId' }]],
      [{ assigneeId: inactiveId }, [{ code: 'INVALID', field: 'input.assigneeId' }]],
    ];
    for (const [change, expected] of cases) {
      const payload = await create({ ...base, ...change });
      expect(payload.task, JSON.stringify(change)).toBeNull();
      expect(errorsOf(payload), JSON.stringify(change)).toEqual(expected);
    }
    // A date that is not on the calendar is refused by the Date scalar itself.
    const badDate = await server.gql(CREATE, { input: { ...base, dueOn: '2026-02-30' } }, { cookie: manager });
    expect(badDate.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(await rowCounts()).toEqual(before);
  });
});

describe('completeTask', () => {
  it('marks the task done once: completing it again changes nothing and audits nothing', async () => {
    const { task } = await create({ title: 'Appeler le client', dueOn: '2026-12-04', companyId: fishWorld });
    created.push(task);
    const first = await complete(task.id);
    expect(first.userErrors).toEqual([]);
    expect(first.task).toMatchObject({ id: task.id, done: true });
    expect(Date.parse(first.task.doneAt)).toBeGreaterThan(Date.now() - 60_000);
    const again = await complete(task.id, admin);
    expect(again.userErrors).toEqual([]);
    expect(again.task).toMatchObject({ done: true, doneAt: first.task.doneAt });
    const events = await server.sql(`select action, changes from audit_event where entity_id = ? order by at`, [
      task.id,
    ]);
    expect(events.map((event) => event.action)).toEqual(['createTask', 'completeTask']);
    expect(events[1].changes).toMatchObject({
      done: { before: false, after: true },
      doneAt: { before: null, after: first.task.doneAt },
    });
  });

  it('answers NOT_FOUND for an unknown task and for another agency’s', async () => {
    expect(errorsOf(await complete('00000000-0000-4000-8000-000000000000'))).toEqual([
      { code: 'NOT_FOUND', field: 'input.taskId' },
    ]);
    const [theirs] = await server.sql<{ id: string; done: boolean; updated_at: Date }>(
      `select t.id, t.done, t.updated_at from task t join agency a on a.id = t.agency_id
        where a.short_name = 'ASMEX' and not t.done`,
    );
    const before = await rowCounts();
    expect(errorsOf(await complete(theirs.id))).toEqual([{ code: 'NOT_FOUND', field: 'input.taskId' }]);
    const [after] = await server.sql('select id, done, updated_at from task where id = ?', [theirs.id]);
    expect(after).toEqual(theirs);
    expect(await rowCounts()).toEqual(before);
  });
});

describe('tasks', () => {
  it('lists the agency’s tasks by due date, with assignee, company and mission', async () => {
    const all = await list({ first: 100 });
    const [{ n }] = await server.sql<{ n: string }>(
      `select count(*) as n from task t join agency a on a.id = t.agency_id where a.short_name = 'Mosprom'`,
    );
    expect(all.totalCount).toBe(Number(n));
    const due = all.nodes.map((node: Node) => node.dueOn);
    expect(due).toEqual([...due].sort());
    expect(all.nodes[0]).toMatchObject({
      title: 'Collecter les catalogues NexTouch en français',
      dueOn: '2025-08-29',
      done: true,
      company: { name: 'Nex-T LLC' },
      assignee: { email: 'manager@mosprom.demo' },
    });
  });

  it('pages forwards and backwards over ties in the due date', async () => {
    for (let i = 0; i < 4; i++) {
      const { task } = await create({ title: `Relance ${i}`, dueOn: '2026-12-04', missionId: casablanca });
      created.push(task);
    }
    for (const orderBy of [
      { field: 'DUE_ON', direction: 'ASC' },
      { field: 'DUE_ON', direction: 'DESC' },
      { field: 'CREATED_AT', direction: 'ASC' },
    ]) {
      const all = await list({ first: 100, orderBy });
      const expected = ids(all);
      const tiesAt = all.nodes
        .map((node: Node, index: number) => (node.dueOn === '2026-12-04' ? index : -1))
        .filter((index: number) => index >= 0);
      expect(tiesAt.length).toBeGreaterThanOrEqual(8);
      const forwards: string[] = [];
      let page = await list({ first: 3, orderBy });
      forwards.push(...ids(page));
      while (page.pageInfo.hasNextPage) {
        page = await list({ first: 3, after: page.pageInfo.endCursor, orderBy });
        forwards.push(...ids(page));
      }
      expect(forwards).toEqual(expected);
      const backwards: string[] = [];
      page = await list({ last: 3, orderBy });
      backwards.unshift(...ids(page));
      while (page.pageInfo.hasPreviousPage) {
        page = await list({ last: 3, before: page.pageInfo.startCursor, orderBy });
        backwards.unshift(...ids(page));
      }
      expect(backwards).toEqual(expected);
    }
  });

  it('filters by assignee, due date, done, company, mission and deal', async () => {
    const titles = async (filter: Record<string, unknown>) =>
      (await list({ first: 100, filter })).nodes.map((node: Node) => node.title);
    const count = async (filter: Record<string, unknown>) => (await list({ first: 100, filter })).totalCount;
    expect(await titles({ assigneeIds: [adminId] })).toEqual(['Bilan de mission']);
    expect(await titles({ dueBefore: '2025-09-15' })).toEqual(['Collecter les catalogues NexTouch en français']);
    expect(await count({ dueBefore: '2025-09-16' })).toBe(2);
    const open = await list({ first: 100, filter: { done: false } });
    expect(open.nodes.every((node: Node) => !node.done)).toBe(true);
    const done = await list({ first: 100, filter: { done: true } });
    expect(done.nodes.every((node: Node) => node.done)).toBe(true);
    expect(open.totalCount + done.totalCount).toBe(await count({}));
    expect(await titles({ companyIds: [fishWorld] })).toEqual(
      expect.arrayContaining([
        'Mettre à jour les certificats sanitaires de Fish World pour le Maroc',
        'Appeler le client',
      ]),
    );
    expect(await count({ companyIds: [fishWorld] })).toBe(2);
    const [{ n: onMission }] = await server.sql<{ n: string }>('select count(*) as n from task where mission_id = ?', [
      casablanca,
    ]);
    expect(await count({ missionIds: [casablanca] })).toBe(Number(onMission));
    const [{ n: onDeal }] = await server.sql<{ n: string }>('select count(*) as n from task where deal_id = ?', [
      dealId,
    ]);
    expect(await count({ dealIds: [dealId] })).toBe(Number(onDeal));
    expect(
      await titles({ done: false, dueBefore: '2027-01-01', assigneeIds: [adminId], missionIds: [casablanca] }),
    ).toEqual(['Bilan de mission']);
    expect(await count({ companyIds: ['not-an-id'] })).toBe(0);
  });

  it('loads assignees, companies, missions and deals in batches', async () => {
    const query = `query($first: Int) { tasks(first: $first) {
      nodes { title assignee { fullName } company { name } mission { name } deal { title } } } }`;
    const measure = async (first: number) => {
      server.resetStatements();
      const response = await server.gql(query, { first }, { cookie: manager });
      expect(response.errors).toBeUndefined();
      expect(response.data!.tasks.nodes).toHaveLength(first);
      return server.statements.length;
    };
    await measure(3);
    expect(await measure(15)).toBe(await measure(3));
  });
});

describe('Mission.tasks', () => {
  it('lists the mission’s tasks by due date, in pages, filtered, batched across missions', async () => {
    const QUERY = `query($id: ID!, $first: Int, $after: String, $filter: TaskFilter) {
      mission(id: $id) { tasks(first: $first, after: $after, filter: $filter) {
        totalCount nodes { id title dueOn done } pageInfo { hasNextPage endCursor }
      } }
    }`;
    const all = (await server.gql(QUERY, { id: casablanca, first: 100 }, { cookie: analyst })).data!.mission.tasks;
    const [{ n }] = await server.sql<{ n: string }>('select count(*) as n from task where mission_id = ?', [
      casablanca,
    ]);
    expect(all.totalCount).toBe(Number(n));
    const due = all.nodes.map((node: Node) => node.dueOn);
    expect(due).toEqual([...due].sort());
    const pages: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: Node = (await server.gql(QUERY, { id: casablanca, first: 2, after }, { cookie: analyst })).data!
        .mission.tasks;
      pages.push(...ids(page));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(pages).toEqual(ids(all));
    const open = (await server.gql(QUERY, { id: casablanca, first: 100, filter: { done: false } }, { cookie: analyst }))
      .data!.mission.tasks;
    expect(open.nodes.every((node: Node) => !node.done)).toBe(true);

    const nested = `query($first: Int) { missions(first: $first) { nodes { name
      tasks(first: 5) { totalCount nodes { title assignee { fullName } company { name } mission { name } } }
    } } }`;
    const measure = async (first: number) => {
      server.resetStatements();
      const response = await server.gql(nested, { first }, { cookie: analyst });
      expect(response.errors).toBeUndefined();
      expect(response.data!.missions.nodes).toHaveLength(first);
      return server.statements.length;
    };
    await measure(1);
    expect(await measure(2)).toBe(await measure(1));
  });
});

describe('Company.tasks', () => {
  const QUERY = `query($id: ID!, $first: Int, $after: String, $filter: TaskFilter) {
    company(id: $id) { tasks(first: $first, after: $after, filter: $filter) {
      totalCount nodes { id title dueOn done company { id } deal { id } } pageInfo { hasNextPage endCursor }
    } }
  }`;
  const tasksOf = async (variables: Record<string, unknown>, cookie = analyst): Promise<Node> => {
    const response = await server.gql(QUERY, variables, { cookie });
    expect(response.errors).toBeUndefined();
    return response.data!.company?.tasks ?? null;
  };

  it('lists the tasks about the company (not about its deals) by due date, in pages, filtered', async () => {
    for (const [title, dueOn] of [
      ['Envoyer le catalogue', '2027-03-01'],
      ['Préparer la visite', '2026-11-15'],
      ['Relancer le distributeur', '2027-03-01'],
    ]) {
      created.push((await create({ title, dueOn, companyId: nexT })).task);
    }
    const all = await tasksOf({ id: nexT, first: 100 });
    const [{ n }] = await server.sql<{ n: string }>('select count(*) as n from task where company_id = ?', [nexT]);
    expect(all.totalCount).toBe(Number(n));
    expect(all.totalCount).toBeGreaterThanOrEqual(4);
    expect(all.nodes.every((node: Node) => node.company.id === nexT && node.deal === null)).toBe(true);
    const due = all.nodes.map((node: Node) => node.dueOn);
    expect(due).toEqual([...due].sort());

    const pages: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: Node = await tasksOf({ id: nexT, first: 2, after });
      expect(page.totalCount).toBe(all.totalCount);
      pages.push(...ids(page));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(pages).toEqual(ids(all));

    const open = await tasksOf({ id: nexT, first: 100, filter: { done: false } });
    expect(open.nodes.every((node: Node) => !node.done)).toBe(true);
    const [{ n: openCount }] = await server.sql<{ n: string }>(
      'select count(*) as n from task where company_id = ? and not done',
      [nexT],
    );
    expect(open.totalCount).toBe(Number(openCount));
  });

  it('costs the same number of statements for 20 companies as for 40', async () => {
    const nested = `query($first: Int) { companies(first: $first) { nodes { name
      tasks(first: 3) { totalCount nodes { title assignee { fullName } } }
    } } }`;
    const measure = async (first: number) => {
      server.resetStatements();
      const response = await server.gql(nested, { first }, { cookie: analyst });
      expect(response.errors).toBeUndefined();
      const companies: Node[] = response.data!.companies.nodes;
      expect(companies).toHaveLength(first);
      expect(companies.some((company) => company.tasks.nodes.length > 0)).toBe(true);
      return server.statements.length;
    };
    await measure(20);
    expect(await measure(40)).toBe(await measure(20));
  });

  it('is not readable through another agency', async () => {
    expect(await tasksOf({ id: nexT, first: 100 }, asmex)).toBeNull();
  });
});

describe('isolation and roles', () => {
  it('shows another agency none of Mosprom’s tasks, and lets it reference none of Mosprom’s records', async () => {
    const theirs = await list({ first: 100 }, asmex);
    const [{ n }] = await server.sql<{ n: string }>(
      `select count(*) as n from task t join agency a on a.id = t.agency_id where a.short_name = 'ASMEX'`,
    );
    expect(theirs.totalCount).toBe(Number(n));
    const mosprom = new Set(ids(await list({ first: 100 })));
    expect(ids(theirs).filter((id: string) => mosprom.has(id))).toEqual([]);
    expect((await list({ first: 100, filter: { missionIds: [casablanca] } }, asmex)).totalCount).toBe(0);
    const nested = await server.gql(
      `query($id: ID!) { mission(id: $id) { tasks { totalCount } } }`,
      { id: casablanca },
      {
        cookie: asmex,
      },
    );
    expect(nested.data?.mission ?? null).toBeNull();

    const asmexCompany = await server.idOf('company', 'name', 'Maroc Export', 'ASMEX');
    const before = await rowCounts();
    const base = { title: 'Intrusion', dueOn: '2026-12-01' };
    for (const [input, field] of [
      [{ ...base, companyId: nexT }, 'input.companyId'],
      [{ ...base, missionId: casablanca }, 'input.missionId'],
      [{ ...base, dealId }, 'input.dealId'],
      [{ ...base, companyId: asmexCompany, assigneeId: managerId }, 'input.assigneeId'],
    ] as const) {
      expect(errorsOf(await create(input, asmex))).toEqual([{ code: 'NOT_FOUND', field }]);
    }
    expect(errorsOf(await complete(created[0].id, asmex))).toEqual([{ code: 'NOT_FOUND', field: 'input.taskId' }]);
    expect(await rowCounts()).toEqual(before);
    const [row] = await server.sql('select done from task where id = ?', [created[0].id]);
    expect(row.done).toBe(false);
  });

  it('lets admins and account managers write, not analysts nor anonymous callers; everyone signed in reads', async () => {
    const input = { title: 'Par rôle', dueOn: '2026-12-01', companyId: nexT };
    const byAdmin = await create(input, admin);
    expect(byAdmin.userErrors).toEqual([]);
    const before = await rowCounts();
    for (const [operation, variables] of [
      [CREATE, { input }],
      [COMPLETE, { input: { taskId: byAdmin.task.id } }],
    ] as const) {
      expect((await server.gql(operation, variables, { cookie: analyst })).errors?.[0].extensions?.code).toBe(
        'FORBIDDEN',
      );
      expect((await server.gql(operation, variables)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    }
    expect(await rowCounts()).toEqual(before);
    expect((await complete(byAdmin.task.id, manager)).task.done).toBe(true);
    expect((await list({ first: 1 }, analyst)).nodes).toHaveLength(1);
    expect((await server.gql(TASKS, { first: 1 })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});
