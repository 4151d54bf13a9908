/*
 * rrp-workflow: the team's figures in Cockpit, for managers and coordinators.
 * A panel on the dashboard and a page of its own (#/rrp-figures). Everything is drawn from the plugin's REST
 * resource (/camunda/api/cockpit/plugin/rrp-figures/<engine>/figures/...): tables as JSON, charts as SVG drawn by
 * the server, each table as CSV. No script or style is loaded from anywhere else.
 */
const QUESTIONS = ['demand', 'caseload', 'timeliness', 'outcomes'];

function base(api) {
  return api.cockpitApi + '/plugin/rrp-figures/' + api.engine + '/figures';
}

function query(period, area) {
  const params = new URLSearchParams();
  params.set('period', period.kind);
  if (period.kind === 'range') {
    params.set('from', period.from);
    params.set('to', period.to);
  }
  if (area) {
    params.set('area', area);
  }
  return params.toString();
}

function element(tag, attributes, text) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => node.setAttribute(name, value));
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}

async function fetchJson(url) {
  const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const error = new Error(body.message || 'The figures could not be loaded.');
    error.status = response.status;
    throw error;
  }
  return body;
}

/** dd/mm/yyyy as people type it, to YYYY-MM-DD as the server reads it; null when it is not a date. */
function isoDate(text) {
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec((text || '').trim());
  if (!match) {
    return null;
  }
  return match[3] + '-' + match[2].padStart(2, '0') + '-' + match[1].padStart(2, '0');
}

function renderTable(report, index, url) {
  const table = report.tables[index];
  const section = element('section', { class: 'rrp-figures-table' });
  section.appendChild(element('h4', {}, table.title));
  const grid = element('table', { class: 'cam-table', style: 'width: auto; min-width: 480px' });
  const head = element('tr');
  table.columns.forEach(column => head.appendChild(element('th', {}, column)));
  grid.appendChild(element('thead')).appendChild(head);
  const body = grid.appendChild(element('tbody'));
  table.rows.forEach(row => {
    const line = element('tr');
    row.forEach(cell => line.appendChild(element('td', {}, cell)));
    body.appendChild(line);
  });
  section.appendChild(grid);
  if (table.chartValues.some(value => value !== null && value > 0)) {
    section.appendChild(element('img', { src: url + '.svg?' + report.query + '&table=' + index, alt: 'Chart: ' + table.title,
      class: 'rrp-figures-chart' }));
  }
  return section;
}

async function renderQuestion(container, api, question, period, area) {
  const url = base(api) + '/' + question;
  const q = query(period, area);
  container.innerHTML = '';
  try {
    const report = await fetchJson(url + '?' + q);
    report.query = q;
    const header = element('h3', {}, report.title + ' \u2014 ' + report.period + ' \u2014 ' + report.area);
    container.appendChild(header);
    container.appendChild(element('a', { href: url + '.csv?' + q, download: '' }, 'Download as CSV'));
    report.tables.forEach((table, index) => container.appendChild(renderTable(report, index, url)));
  } catch (error) {
    container.appendChild(element('p', { class: 'rrp-figures-error', role: 'alert' }, error.message));
  }
}

async function renderPage(node, api) {
  node.innerHTML = '';
  const page = element('div', { class: 'rrp-figures', style: 'padding: 12px 24px; max-width: 1000px' });
  page.appendChild(element('h2', {}, 'RRP team figures'));
  page.appendChild(element('p', {}, 'Counts and working days only, never a child\u2019s name or a case\u2019s notes. '
    + 'A count from 1 to 4 is shown as \u201cfewer than 5\u201d.'));
  const form = element('form', { class: 'form-inline rrp-figures-filter' });
  const period = element('select', { name: 'period', 'aria-label': 'Period' });
  [['this-term', 'This term'], ['this-school-year', 'This school year'], ['range', 'Dates (dd/mm/yyyy)']]
    .forEach(([value, label]) => period.appendChild(element('option', { value }, label)));
  const from = element('input', { name: 'from', placeholder: 'from dd/mm/yyyy', size: 12, 'aria-label': 'From' });
  const to = element('input', { name: 'to', placeholder: 'to dd/mm/yyyy', size: 12, 'aria-label': 'To' });
  const area = element('select', { name: 'area', 'aria-label': 'Area' });
  area.appendChild(element('option', { value: '' }, 'All areas'));
  const show = element('button', { type: 'submit', class: 'btn btn-primary' }, 'Show');
  const problem = element('span', { class: 'rrp-figures-error', role: 'alert' });
  [period, from, to, area, show, problem].forEach(control => form.appendChild(control));
  page.appendChild(form);
  const answers = QUESTIONS.map(() => page.appendChild(element('div', { class: 'rrp-figures-question' })));
  node.appendChild(page);

  try {
    const options = await fetchJson(base(api) + '/areas');
    options.areas.forEach(option => area.appendChild(element('option', { value: option.value }, option.label)));
  } catch (error) {
    answers[0].appendChild(element('p', { class: 'rrp-figures-error', role: 'alert' }, error.message));
    return;
  }

  const draw = () => {
    problem.textContent = '';
    const chosen = { kind: period.value };
    if (chosen.kind === 'range') {
      chosen.from = isoDate(from.value);
      chosen.to = isoDate(to.value);
      if (!chosen.from || !chosen.to) {
        problem.textContent = 'Enter both dates as dd/mm/yyyy.';
        return;
      }
    }
    QUESTIONS.forEach((question, index) => renderQuestion(answers[index], api, question, chosen, area.value));
  };
  form.addEventListener('submit', event => {
    event.preventDefault();
    draw();
  });
  draw();
}

async function renderDashboard(node, api) {
  node.innerHTML = '';
  const panel = element('section', { class: 'rrp-figures-dashboard', style: 'padding: 8px 16px' });
  try {
    const report = await fetchJson(base(api) + '/caseload');
    panel.appendChild(element('h3', {}, 'RRP team figures'));
    const open = report.tables[0].rows.map(row => row[0] + ': ' + row[1]).join(' \u00b7 ');
    panel.appendChild(element('p', {}, 'Open cases by area \u2014 ' + (open || 'none')));
    panel.appendChild(element('a', { href: '#/rrp-figures' }, 'Demand, caseload, timeliness and outcomes \u2192'));
    node.appendChild(panel);
  } catch (error) {
    // Not a manager or coordinator: the dashboard shows nothing of the figures.
  }
}

export default [
  {
    id: 'rrp-figures-dashboard',
    pluginPoint: 'cockpit.dashboard',
    priority: 20,
    render: (node, { api }) => { renderDashboard(node, api); }
  },
  {
    id: 'rrp-figures-route',
    pluginPoint: 'cockpit.route',
    properties: { path: '/rrp-figures', label: '/rrp-figures' },
    render: (node, { api }) => { renderPage(node, api); }
  },
  {
    id: 'rrp-figures-navigation',
    pluginPoint: 'cockpit.navigation',
    priority: 1,
    properties: { path: '/rrp-figures' },
    render: (node, { api }) => {
      fetchJson(base(api) + '/areas').then(() => {
        node.innerHTML = '<a href="#/rrp-figures">Team figures</a>';
      }).catch(() => { node.innerHTML = ''; });
    }
  }
];
