/*
 * rrp-workflow: each role's cases in Tasklist. A "Cases" entry in Tasklist's header opens the reader's lists: a
 * referrer's own requests and where each stands, an advisor's areas' open cases (colleagues' included), every open
 * case for coordinators. Everything comes from the plugin's REST resource
 * (/camunda/api/tasklist/plugin/rrp-cases/<engine>/cases); nothing is loaded from anywhere else.
 */
const DAY = new Intl.DateTimeFormat('en-GB', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'Europe/London' });
const DAY_AND_TIME = new Intl.DateTimeFormat('en-GB', {
  day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  timeZone: 'Europe/London'
});

/** The REST API's dates (2026-12-01T09:30:00.000+0000) as a Date. */
function date(value) {
  return new Date(typeof value === 'string' ? value.replace(/([+-]\d\d)(\d\d)$/, '$1:$2') : value);
}

function day(value) {
  return value ? DAY.format(date(value)) : '';
}

function dayAndTime(value) {
  return value ? DAY_AND_TIME.format(date(value)).replace(',', '') : '';
}

function element(tag, attributes, text) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => node.setAttribute(name, value));
  if (text !== undefined && text !== null) {
    node.textContent = text;
  }
  return node;
}

function casesUrl(api) {
  const base = document.querySelector('base');
  const root = (base && base.getAttribute('tasklist-api')) || '/camunda/api/tasklist/';
  return root.replace(/\/?$/, '/') + 'plugin/rrp-cases/' + (api && api.engine ? api.engine : 'default') + '/cases';
}

function columns(kind) {
  if (kind === 'my-requests') {
    return [
      ['Case', row => row.caseReference],
      ['Child', row => row.childName],
      ['Setting', row => row.settingName],
      ['Requested', row => day(row.requested)],
      ['Status', row => row.ended ? row.status + ' (' + day(row.ended) + ')' : row.status],
      ['Advisor', row => row.advisor]
    ];
  }
  return [
    ['Case', row => row.caseReference],
    ['Service', row => row.service],
    ['Area', row => row.areaName],
    ['Setting', row => row.settingName],
    ['Requested', row => day(row.requested)],
    ['Stage', row => row.status],
    ['Advisor', row => row.advisor]
  ];
}

function taskList(row) {
  const list = element('ul', { class: 'rrp-case-tasks' });
  row.tasks.forEach(task => {
    const item = element('li');
    const link = element('a', { href: '#/?task=' + encodeURIComponent(task.id) }, task.name);
    link.addEventListener('click', () => close());
    item.appendChild(link);
    const who = task.assignee ? task.assignee : 'unclaimed';
    item.appendChild(element('span', { class: 'rrp-case-task-detail' },
      ' \u2014 ' + who + (task.due ? ', due ' + dayAndTime(task.due) : '')));
    list.appendChild(item);
  });
  return list;
}

function renderView(view) {
  const section = element('section', { class: 'rrp-cases-view', 'data-view': view.kind });
  section.appendChild(element('h4', {}, view.title));
  section.appendChild(element('p', { class: 'text-muted' }, view.description));
  if (view.rows.length === 0) {
    section.appendChild(element('p', { class: 'rrp-cases-empty' }, 'No cases.'));
    return section;
  }
  const staff = view.kind !== 'my-requests';
  const table = element('table', { class: 'table table-condensed rrp-cases-table' });
  const head = element('tr');
  columns(view.kind).forEach(([label]) => head.appendChild(element('th', { scope: 'col' }, label)));
  if (staff) {
    head.appendChild(element('th', { scope: 'col' }, 'Open tasks'));
  }
  table.appendChild(element('thead')).appendChild(head);
  const body = element('tbody');
  view.rows.forEach(row => {
    const line = element('tr', { 'data-case-reference': row.caseReference });
    columns(view.kind).forEach(([, value], index) =>
      line.appendChild(element(index === 0 ? 'th' : 'td', index === 0 ? { scope: 'row' } : {}, value(row))));
    if (staff) {
      line.appendChild(element('td')).appendChild(taskList(row));
    }
    body.appendChild(line);
  });
  table.appendChild(body);
  section.appendChild(table);
  if (view.more) {
    section.appendChild(element('p', { class: 'text-muted' }, 'Only the newest cases are listed.'));
  }
  return section;
}

let panel = null;

function close() {
  if (panel) {
    panel.remove();
    panel = null;
  }
}

async function open(api) {
  close();
  panel = element('div', { id: 'rrp-cases', class: 'rrp-cases-panel', role: 'dialog', 'aria-label': 'Cases' });
  const header = element('div', { class: 'rrp-cases-header' });
  header.appendChild(element('h3', {}, 'Cases'));
  const closer = element('button', { type: 'button', class: 'btn btn-default', id: 'rrp-cases-close' }, 'Close');
  closer.addEventListener('click', close);
  header.appendChild(closer);
  panel.appendChild(header);
  const content = element('div', { class: 'rrp-cases-content' }, 'Loading\u2026');
  panel.appendChild(content);
  document.body.appendChild(panel);
  closer.focus();
  try {
    const response = await fetch(casesUrl(api), { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) {
      throw new Error(body.message || 'The cases could not be loaded.');
    }
    content.textContent = '';
    if (body.views.length === 0) {
      content.appendChild(element('p', {}, 'Your role follows no cases here.'));
    }
    body.views.forEach(view => content.appendChild(renderView(view)));
  } catch (failure) {
    content.textContent = '';
    content.appendChild(element('p', { class: 'alert alert-danger' }, failure.message));
  }
}

document.addEventListener('keydown', event => {
  if (event.key === 'Escape') {
    close();
  }
});

export default [
  {
    id: 'rrp-cases-action',
    pluginPoint: 'tasklist.navbar.action',
    priority: 300,
    render: (node, { api }) => {
      const link = element('a', { href: '', id: 'rrp-cases-link', role: 'button' }, 'Cases');
      link.addEventListener('click', event => {
        event.preventDefault();
        open(api);
      });
      node.appendChild(link);
    }
  }
];
