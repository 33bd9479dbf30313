'use strict';
/*
 * The console's core: the signed-in user, the message bundles (zh, ru, en), the API client, the routes and the
 * live streams. Pages register themselves with Kefu.route(...) from js/pages/<area>.js and render pages/<page>.html
 * with Alpine.js; every label is a message key ($t), every refusal a problem detail ($problem).
 */
(function () {
  const LANGS = ['zh', 'ru', 'en'];
  const LOCALES = { zh: 'zh-CN', ru: 'ru-RU', en: 'en-GB' };
  // one bundle per area in i18n/<lang>/<area>.json; the keys are the same in every language (ConsoleMessagesTest)
  const AREAS = ['core', 'desk', 'complaints', 'inbox', 'supervisor', 'dutyday', 'broadcast', 'members', 'audit',
    'dashboard', 'rounds', 'reception', 'accounts', 'notifications'];
  const TOKEN = 'kefu.token';
  const REFRESH = 'kefu.refresh';
  /** The access token is renewed this long before it ends (README "User accounts"). */
  const RENEW_BEFORE_MS = 60000;
  const LANGUAGE = 'kefu.lang';
  const PROBLEM = 'urn:kefu:problem:';

  const routes = [];
  const pageCache = new Map();
  const Kefu = window.Kefu = {};

  /**
   * A page of the console: {path: '/complaints/:id', page: 'complaint', roles: ['AFTER_SALES', ...],
   * nav: <message key of its menu entry> (only pages with one appear in the menu), order: 10}.
   */
  Kefu.route = function (route) {
    const names = [];
    const pattern = route.path.replace(/:([a-zA-Z]+)/g, (_, name) => { names.push(name); return '([^/]+)'; });
    routes.push({ ...route, names, regex: new RegExp('^' + pattern + '$') });
  };

  // ---- the signed-in user -------------------------------------------------------------------------------------

  function claims(token) {
    try {
      const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      const json = decodeURIComponent(atob(part).split('').map(c => '%' + c.charCodeAt(0).toString(16).padStart(2, '0')).join(''));
      return JSON.parse(json);
    } catch (e) {
      return null;
    }
  }

  function storedToken() {
    const token = sessionStorage.getItem(TOKEN);
    const c = token && claims(token);
    return c && c.exp * 1000 > Date.now() ? token : null;
  }

  Kefu.token = () => Alpine.store('session').token;

  let renewal = null;
  let refreshing = null;

  /**
   * Keeps the tokens of a sign-in, a refresh or a password change ({access_token, refresh_token}) and renews the
   * short-lived access token a minute before it ends, with the refresh token (good once: each renewal brings the next).
   */
  Kefu.useTokens = function (tokens) {
    sessionStorage.setItem(TOKEN, tokens.access_token);
    if (tokens.refresh_token) {
      sessionStorage.setItem(REFRESH, tokens.refresh_token);
    }
    Alpine.store('session').load(tokens.access_token);
    scheduleRenewal();
  };

  function scheduleRenewal() {
    clearTimeout(renewal);
    const c = claims(Alpine.store('session').token || '');
    if (c && c.exp) {
      renewal = setTimeout(() => Kefu.refresh(), Math.max(5000, c.exp * 1000 - Date.now() - RENEW_BEFORE_MS));
    }
  }

  /**
   * A new access token for the refresh token, once at a time however many callers ask: answers whether there is one.
   * Refused when the account was disabled, its password or role changed, or the refresh token ended: then the user
   * signs in again.
   */
  Kefu.refresh = function () {
    const refreshToken = sessionStorage.getItem(REFRESH);
    if (!refreshToken) {
      return Promise.resolve(false);
    }
    if (!refreshing) {
      refreshing = fetch('/api/auth/refresh', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json, application/problem+json' },
        body: JSON.stringify({ refresh_token: refreshToken }),
      }).then(async response => {
        if (!response.ok) {
          sessionStorage.removeItem(REFRESH);
          return false;
        }
        Kefu.useTokens(await response.json());
        return true;
      }).catch(() => false).finally(() => { refreshing = null; });
    }
    return refreshing;
  };

  Kefu.signIn = async function (username, password) {
    const answer = await Kefu.api('POST', '/api/auth/token', { username, password });
    if (answer.ok) {
      Kefu.useTokens(answer.body);
      watchNotices();
      Kefu.go(home());
    }
    return answer;
  };

  Kefu.signOut = function () {
    clearTimeout(renewal);
    sessionStorage.removeItem(TOKEN);
    sessionStorage.removeItem(REFRESH);
    Alpine.store('session').load(null);
    watchNotices();
    Kefu.go('/');
  };

  /** A console opened again in the same tab: its access token, or a new one for its refresh token. */
  async function resume() {
    if (Alpine.store('session').token) {
      scheduleRenewal();
    } else if (await Kefu.refresh()) {
      watchNotices();
    }
  }

  // ---- messages -------------------------------------------------------------------------------------------------

  async function loadMessages(lang) {
    const bundles = await Promise.all(AREAS.map(area =>
      fetch(`i18n/${lang}/${area}.json`).then(r => (r.ok ? r.json() : {})).catch(() => ({}))));
    return Object.assign({}, ...bundles);
  }

  function interpolate(text, params) {
    return params ? text.replace(/\{(\w+)\}/g, (m, name) => (name in params ? params[name] : m)) : text;
  }

  /** The message for key in the user's language; the key itself when no bundle has it (ConsoleMessagesTest). */
  Kefu.t = function (key, params) {
    const messages = Alpine.store('i18n').messages;
    return key in messages ? interpolate(messages[key], params) : key;
  };

  Kefu.has = key => key in Alpine.store('i18n').messages;

  /**
   * A refusal as the user reads it: the message of its stable type in the user's language where a bundle has one
   * (problem.<type>), else the service's title; the service's detail and reasons as they came.
   */
  Kefu.problem = function (problem) {
    if (!problem) {
      return { message: '', detail: '', reasons: [] };
    }
    const type = (problem.type || '').startsWith(PROBLEM) ? problem.type.substring(PROBLEM.length) : '';
    const key = 'problem.' + type;
    const message = type && Kefu.has(key) ? Kefu.t(key)
      : problem.title || Kefu.t('problem.status', { status: problem.status || '?' });
    const reasons = Array.isArray(problem.reasons) ? problem.reasons : [];
    const errors = Array.isArray(problem.errors) ? problem.errors : [];
    return { message, detail: problem.detail || '', reasons, errors, type };
  };

  // ---- formats --------------------------------------------------------------------------------------------------

  function locale() {
    return LOCALES[Alpine.store('i18n').lang] || 'en-GB';
  }

  Kefu.fmt = {
    /** A list of names in the language's own way: 'A、B和C', 'A, B and C', 'A, B и C'. */
    list(items) {
      return new Intl.ListFormat(locale(), { style: 'long', type: 'conjunction' }).format(items);
    },
    date(value) {
      return value ? new Intl.DateTimeFormat(locale(), { dateStyle: 'medium' }).format(new Date(value)) : '';
    },
    dateTime(value) {
      return value ? new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' })
        .format(new Date(value)) : '';
    },
    time(value) {
      return value ? new Intl.DateTimeFormat(locale(), { timeStyle: 'short' }).format(new Date(value)) : '';
    },
    number(value, digits) {
      if (value === null || value === undefined || value === '') {
        return '';
      }
      const options = digits === undefined ? {} : { minimumFractionDigits: digits, maximumFractionDigits: digits };
      return new Intl.NumberFormat(locale(), options).format(value);
    },
    /** A duration in seconds as hours and minutes. */
    duration(seconds) {
      if (seconds === null || seconds === undefined) {
        return '';
      }
      const minutes = Math.round(seconds / 60);
      return Kefu.t('core.duration', { h: Math.floor(minutes / 60), m: minutes % 60 });
    },
  };

  // ---- the mall's days ---------------------------------------------------------------------------------------------

  /**
   * The mall's time zone, as the gateway is configured (kefu.mall.zone, from settings.json before the first page):
   * the services count their days (duty days, plans, campaigns) in it.
   */
  Kefu.MALL_ZONE = undefined;

  async function loadSettings() {
    const response = await fetch('settings.json').catch(() => null);
    if (response && response.ok) {
      Kefu.MALL_ZONE = (await response.json()).mallZone;
    }
  }

  /** Today in the mall, as yyyy-mm-dd. */
  Kefu.today = function () {
    return new Intl.DateTimeFormat('en-CA', { timeZone: Kefu.MALL_ZONE, year: 'numeric', month: '2-digit',
      day: '2-digit' }).format(new Date());
  };

  /** The day {@code days} after a yyyy-mm-dd day (before it, when negative). */
  Kefu.plusDays = function (day, days) {
    const date = new Date(day + 'T12:00:00Z');
    date.setUTCDate(date.getUTCDate() + days);
    return date.toISOString().substring(0, 10);
  };

  // ---- the API ----------------------------------------------------------------------------------------------------

  /**
   * Calls the API through the gateway with the user's token (or {@code options.token}: another person's, who signed
   * at this desk with their own password). Answers {ok, status, body, problem}; a problem is the RFC 9457 body of a
   * refusal. A 401 with the user's own token on anything but the sign-in is tried once more with a renewed token; when
   * there is none, the user is signed out.
   */
  Kefu.api = async function (method, path, body, options = {}) {
    const answer = await call(method, path, body, options);
    if (answer.status === 401 && !path.startsWith('/api/auth/') && !options.token && Alpine.store('session').token) {
      if (await Kefu.refresh()) {
        return call(method, path, body, options);
      }
      Kefu.signOut();
    }
    return answer;
  };

  async function call(method, path, body, options) {
    const headers = { Accept: 'application/json, application/problem+json' };
    const token = options.token || Alpine.store('session').token;
    if (token) {
      headers.Authorization = 'Bearer ' + token;
    }
    if (options.idempotencyKey) {
      headers['Idempotency-Key'] = options.idempotencyKey;
    }
    let payload;
    if (body instanceof FormData) {
      payload = body;
    } else if (body !== undefined && body !== null) {
      headers['Content-Type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    let response;
    try {
      response = await fetch(path, { method, headers, body: payload });
    } catch (e) {
      const problem = { type: PROBLEM + 'unreachable', status: 0, detail: String(e) };
      return { ok: false, status: 0, body: null, problem };
    }
    const type = response.headers.get('Content-Type') || '';
    let data = null;
    if (type.includes('json')) {
      data = await response.json().catch(() => null);
    } else if (options.text) {
      data = await response.text();
    }
    return {
      ok: response.ok, status: response.status, body: data,
      problem: response.ok ? null : (data && typeof data === 'object' ? data : { status: response.status }),
    };
  }

  Kefu.get = (path) => Kefu.api('GET', path);
  Kefu.post = (path, body, options) => Kefu.api('POST', path, body === undefined ? {} : body, options);

  /** A query string of the given values, leaving out empty ones. */
  Kefu.query = function (values) {
    const params = new URLSearchParams();
    Object.entries(values).forEach(([k, v]) => {
      if (v !== null && v !== undefined && v !== '') {
        params.set(k, v);
      }
    });
    const text = params.toString();
    return text ? '?' + text : '';
  };

  /** Fetches a file with the user's token (exports, the printable form, audio) and saves or opens it. */
  Kefu.download = async function (path, filename, open) {
    const response = await fetch(path, { headers: { Authorization: 'Bearer ' + Alpine.store('session').token } });
    if (!response.ok) {
      const problem = await response.json().catch(() => ({ status: response.status }));
      return { ok: false, problem };
    }
    const url = URL.createObjectURL(await response.blob());
    if (open) {
      window.open(url, '_blank');
    } else {
      const a = document.createElement('a');
      a.href = url;
      a.download = filename;
      document.body.appendChild(a);
      a.click();
      a.remove();
    }
    setTimeout(() => URL.revokeObjectURL(url), 60000);
    return { ok: true };
  };

  /**
   * Downloads a list as CSV or XLSX with the filters it shows, the whole list and not the page (README "Exports"):
   * answers null, or the problem (a list above the export's bound is one).
   */
  Kefu.exportList = async function (path, filter, format, name) {
    const answer = await Kefu.download(path + Kefu.query({ ...filter, format }), `${name}-${Kefu.today()}.${format}`);
    return answer.ok ? null : answer.problem;
  };

  /**
   * Opens one of the services' bilingual printable pages in a new tab, fetched with the user's token (the tab is
   * opened first, while the click still counts, so that no pop-up blocker stops it). Answers null, or the problem.
   */
  Kefu.printable = async function (path) {
    const tab = window.open('', '_blank');
    const response = await fetch(path, {
      headers: { Authorization: 'Bearer ' + Alpine.store('session').token, Accept: 'text/html' },
    });
    if (!response.ok) {
      if (tab) {
        tab.close();
      }
      return response.json().catch(() => ({ status: response.status }));
    }
    const url = URL.createObjectURL(await response.blob());
    if (tab) {
      tab.location = url;
    } else {
      window.open(url, '_blank');
    }
    setTimeout(() => URL.revokeObjectURL(url), 60000);
    return null;
  };

  // ---- live streams -------------------------------------------------------------------------------------------

  const openStreams = new Set();

  /**
   * Subscribes to a gateway stream (Server-Sent Events): handlers by event name, each given the parsed data and the
   * event. The browser reconnects by itself with Last-Event-ID; the stream closes when the page is left.
   */
  Kefu.stream = function (path, handlers) {
    const separator = path.includes('?') ? '&' : '?';
    let source = null;
    const open = () => {
      source = new EventSource(path + separator + 'access_token=' + encodeURIComponent(Kefu.token()));
      Object.entries(handlers).forEach(([name, handle]) => source.addEventListener(name, event => {
        let data = event.data;
        try {
          data = JSON.parse(event.data);
        } catch (e) { /* plain text */ }
        handle(data, event);
      }));
      const opened = source;
      // the browser reconnects by itself, with the token it was opened with: once that token has ended it gives up
      // (401), and the stream is opened again with the current one
      opened.addEventListener('error', () => {
        if (opened.readyState === EventSource.CLOSED && openStreams.has(opened) && Kefu.token()) {
          openStreams.delete(opened);
          setTimeout(() => { if (Kefu.token()) { open(); } }, 1000);
        }
      });
      openStreams.add(opened);
    };
    open();
    return { close() { source.close(); openStreams.delete(source); } };
  };

  /**
   * The notices the CS manager and the CS head are told of at once (篇2 B3, D14): one stream for as long as such a
   * user is signed in, whatever page is shown (not closed when the page changes), feeding the bar's banner.
   */
  let noticeSource = null;

  function watchNotices() {
    const store = Alpine.store('notices');
    if (noticeSource) {
      noticeSource.close();
      noticeSource = null;
    }
    store.list = [];
    const session = Alpine.store('session');
    if (!session.token || !session.is('CS_MANAGER', 'CS_HEAD')) {
      return;
    }
    noticeSource = new EventSource('/api/streams/notices?access_token=' + encodeURIComponent(session.token));
    const show = event => {
      const data = JSON.parse(event.data);
      store.list = data.notices;
      store.complete = data.complete;
    };
    noticeSource.addEventListener('snapshot', show);
    noticeSource.addEventListener('update', show);
    const opened = noticeSource;
    opened.addEventListener('error', () => {
      if (opened.readyState === EventSource.CLOSED && noticeSource === opened) {
        setTimeout(() => { if (noticeSource === opened) { watchNotices(); } }, 1000);
      }
    });
  }

  // ---- routing ----------------------------------------------------------------------------------------------------

  function allowed(route) {
    const session = Alpine.store('session');
    return !route.roles || route.roles.some(role => session.roles.includes(role));
  }

  function home() {
    const first = Kefu.menu()[0];
    return first ? first.path : '/welcome';
  }

  // the menu's groups, by the routes' order numbers; a user with few pages gets them all in one row
  const GROUPS = [
    { key: 'core.group.overview', upTo: 9 }, { key: 'core.group.complaints', upTo: 49 },
    { key: 'core.group.dutylog', upTo: 69 }, { key: 'core.group.broadcast', upTo: 79 },
    { key: 'core.group.members', upTo: 89 }, { key: 'core.group.audit', upTo: 100 },
  ];
  const FLAT_MENU = 8;

  /** The menu as groups of pages: [{key, items}]; one group without a key when the user has few pages. */
  Kefu.menuGroups = function () {
    const items = Kefu.menu();
    if (items.length <= FLAT_MENU) {
      return items.length ? [{ key: '', items }] : [];
    }
    let from = -1;
    return GROUPS.map(group => {
      const members = items.filter(r => (r.order || 100) > from && (r.order || 100) <= group.upTo);
      from = group.upTo;
      return { key: group.key, items: members };
    }).filter(group => group.items.length);
  };

  /** The pages in the menu for the signed-in user. */
  Kefu.menu = function () {
    if (!Alpine.store('session').token) {
      return [];
    }
    return routes.filter(r => r.nav && allowed(r)).sort((a, b) => (a.order || 100) - (b.order || 100));
  };

  function current() {
    const hash = location.hash.replace(/^#/, '') || '/';
    const [path, query] = hash.split('?');
    return { path, query: new URLSearchParams(query || '') };
  }

  async function page(name) {
    if (!pageCache.has(name)) {
      const response = await fetch(`pages/${name}.html`);
      pageCache.set(name, response.ok ? await withPartials(await response.text()) : `<p class="problem">${name}</p>`);
    }
    return pageCache.get(name);
  }

  const PARTIAL = /<!-- partial: ([a-z-]+) (\{.*?\}) -->/g;

  /**
   * A part several pages show alike lives once, in pages/partials/<name>.html; a page names it with a comment,
   * <!-- partial: name {"key": "value", …} -->, which becomes the partial with each {{key}} replaced by its value.
   */
  async function withPartials(html) {
    const parts = {};
    for (const [, name] of html.matchAll(PARTIAL)) {
      if (!(name in parts)) {
        const response = await fetch(`pages/partials/${name}.html`);
        parts[name] = response.ok ? await response.text() : `<p class="problem">${name}</p>`;
      }
    }
    return html.replace(PARTIAL, (comment, name, values) => {
      const given = JSON.parse(values);
      return parts[name].replace(/\{\{([a-z]+)\}\}/g, (placeholder, key) => (key in given ? given[key] : placeholder));
    });
  }

  let renders = 0;

  /** Draws the page the hash names; a render overtaken by a newer one (a quick second click) gives way to it. */
  async function render() {
    const mine = ++renders;
    const main = document.getElementById('main');
    const route = Alpine.store('route');
    openStreams.forEach(source => source.close());
    openStreams.clear();
    const { path, query } = current();
    const show = async (name, params) => {
      const html = await page(name);
      if (mine === renders) {
        route.set(name, params || {}, query, path);
        main.innerHTML = '';
        main.innerHTML = html;
      }
      return mine === renders;
    };
    const session = Alpine.store('session');
    if (!session.token) {
      await show('signin');
      return;
    }
    if (path === '/' || path === '') {
      location.replace('#' + home());
      return;
    }
    const match = routes.map(r => ({ r, m: r.regex.exec(path) })).find(x => x.m);
    if (!match) {
      await show('missing');
      return;
    }
    if (!allowed(match.r)) {
      await show('forbidden');
      return;
    }
    const params = {};
    match.r.names.forEach((name, i) => { params[name] = decodeURIComponent(match.m[i + 1]); });
    if (await show(match.r.page, params)) {
      main.focus({ preventScroll: true });
    }
  }

  Kefu.go = function (path) {
    if (location.hash === '#' + path) {
      render();
    } else {
      location.hash = '#' + path;
    }
  };

  // ---- start ------------------------------------------------------------------------------------------------------

  document.addEventListener('alpine:init', () => {
    Alpine.store('session', {
      token: null, user: '', roles: [], department: null,
      load(token) {
        const c = token ? claims(token) : null;
        this.token = c ? token : null;
        this.user = c ? c.sub : '';
        this.roles = c && Array.isArray(c.roles) ? c.roles : [];
        this.department = c ? c.department || null : null;
      },
      is(...roles) { return roles.some(role => this.roles.includes(role)); },
    });
    Alpine.store('session').load(storedToken());

    /** The notices waiting for the signed-in CS manager or CS head (D14), newest last. */
    Alpine.store('notices', {
      list: [], complete: false, problem: null,
      async acknowledge(incidentId) {
        const answer = await Kefu.post('/api/incidents/' + encodeURIComponent(incidentId) + '/notice/acknowledgement');
        this.problem = answer.ok ? null : answer.problem;
        return answer;
      },
    });
    watchNotices();

    const wanted = localStorage.getItem(LANGUAGE) || (navigator.language || 'zh').substring(0, 2);
    Alpine.store('i18n', {
      lang: LANGS.includes(wanted) ? wanted : 'zh',
      langs: LANGS,
      messages: {},
      ready: false,
      async use(lang) {
        if (!LANGS.includes(lang)) {
          return;
        }
        this.messages = await loadMessages(lang);
        this.lang = lang;
        this.ready = true;
        localStorage.setItem(LANGUAGE, lang);
        document.documentElement.lang = lang;
        document.title = Kefu.t('core.title');
      },
    });

    Alpine.store('route', {
      page: '', params: {}, query: new URLSearchParams(), path: '',
      set(page, params, query, path) {
        this.page = page; this.params = params; this.query = query; this.path = path || '';
      },
    });

    Alpine.magic('t', () => Kefu.t);
    Alpine.magic('fmt', () => Kefu.fmt);
    Alpine.magic('problem', () => Kefu.problem);
    Alpine.magic('params', () => Alpine.store('route').params);

    /**
     * {@code <div class="problem" role="alert" x-problem="answer.problem"></div>}: a refusal beside its action, in
     * the user's language (message), with the service's detail and its reasons; hidden while there is none.
     */
    Alpine.directive('problem', (el, { expression }, { effect, evaluateLater }) => {
      const read = evaluateLater(expression);
      effect(() => read(problem => {
        el.replaceChildren();
        el.style.display = problem ? '' : 'none';
        if (!problem) {
          return;
        }
        const shown = Kefu.problem(problem);
        const message = document.createElement('strong');
        message.textContent = shown.message;
        el.append(message);
        if (shown.detail) {
          const detail = document.createElement('span');
          detail.className = 'detail';
          detail.textContent = shown.detail;
          el.append(detail);
        }
        if (shown.reasons.length) {
          const reasons = document.createElement('ul');
          shown.reasons.forEach(reason => {
            const item = document.createElement('li');
            item.textContent = reason;
            reasons.append(item);
          });
          el.append(reasons);
        }
      }));
    });

    Alpine.data('shell', () => ({
      opened: '',
      get menu() { return Kefu.menuGroups(); },
      toggle(key) { this.opened = this.opened === key ? '' : key; },
      signOut() { Kefu.signOut(); },
      active(path) {
        const now = Alpine.store('route').path;
        return now === path || now.startsWith(path + '/');
      },
      groupActive(group) { return group.items.some(item => this.active(item.path)); },
    }));

    Alpine.data('signin', () => ({
      username: '', password: '', problem: null, busy: false,
      async submit() {
        this.busy = true;
        const answer = await Kefu.signIn(this.username.trim(), this.password);
        this.busy = false;
        this.problem = answer.ok ? null : answer.problem;
      },
    }));

    window.addEventListener('hashchange', render);
    Promise.all([Alpine.store('i18n').use(Alpine.store('i18n').lang), loadSettings(), resume()]).then(render);
  });
})();

Kefu.route({ path: '/welcome', page: 'welcome' });
