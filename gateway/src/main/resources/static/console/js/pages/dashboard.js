'use strict';
/*
 * The management dashboard: live figures from the gateway's dashboard stream (open complaints by state and
 * department, deadlines missed today, open incidents, each open fire at the top with the steps of its checklist
 * still open (D13), the shifts now open) and the month's complaint statistics (C11) with their CSV and XLSX exports.
 */
Kefu.route({ path: '/dashboard', page: 'dashboard', roles: ['CS_HEAD', 'SUPERVISOR', 'CS_MANAGER', 'AUDITOR'],
  nav: 'dashboard.nav', order: 5 });

document.addEventListener('alpine:init', () => {
  const STATES = ['RECEIVED', 'ESCALATED', 'ASSIGNED', 'RESOLVED', 'FOLLOWED_UP'];
  const COLOURS = ['#0b5cad', '#b42318', '#9a6700', '#1f7a3a', '#6941c6', '#0e7490', '#c2410c', '#475467'];

  function thisMonth() {
    const now = new Date();
    return now.getFullYear() + '-' + String(now.getMonth() + 1).padStart(2, '0');
  }

  Alpine.data('dashboard', () => {
    // Chart.js objects stay outside Alpine's reactive state
    const charts = {};
    let stream = null;

    function draw(name, canvas, type, labels, values, label) {
      if (!canvas || typeof Chart === 'undefined') {
        return;
      }
      if (charts[name]) {
        charts[name].data.labels = labels;
        charts[name].data.datasets[0].data = values;
        charts[name].data.datasets[0].label = label;
        charts[name].update();
        return;
      }
      charts[name] = new Chart(canvas, {
        type,
        data: { labels, datasets: [{ label, data: values, backgroundColor: COLOURS, borderWidth: 0 }] },
        options: {
          responsive: true, maintainAspectRatio: false, animation: false,
          plugins: { legend: { display: type === 'doughnut', position: 'right' } },
          scales: type === 'bar' ? { y: { beginAtZero: true, ticks: { precision: 0 } } } : {},
        },
      });
    }

    return {
      figures: null,
      connected: false,
      updatedAt: null,
      period: thisMonth(),
      report: null,
      problem: null,
      exportProblem: null,
      departmentNames: [],

      init() {
        Kefu.get('/api/departments').then(answer => {
          this.departmentNames = answer.ok ? answer.body : [];
          this.$nextTick(() => this.redraw());
        });
        stream = Kefu.stream('/api/streams/dashboard', {
          snapshot: data => this.show(data),
          update: data => this.show(data),
        });
        if (this.readsStatistics()) {
          this.loadReport();
        }
        // labels follow the language
        this.$watch('$store.i18n.lang', () => { this.redraw(); });
      },

      destroy() {
        if (stream) {
          stream.close();
        }
        Object.values(charts).forEach(chart => chart.destroy());
      },

      show(data) {
        this.figures = data;
        this.connected = true;
        this.updatedAt = new Date().toISOString();
        this.$nextTick(() => this.redraw());
      },

      /** The month's statistics are after-sales' work, read by the supervisor (第三章四 2, 第四章(九)(十)). */
      readsStatistics() {
        return Alpine.store('session').is('AFTER_SALES', 'CS_HEAD', 'SUPERVISOR', 'AUDITOR');
      },

      stateLabel(state) {
        return Kefu.t('dashboard.state.' + state);
      },

      /** A department's name in the user's language (its id until the names are known). */
      departmentLabel(id) {
        const department = this.departmentNames.find(d => d.id === id);
        if (!department) {
          return id;
        }
        const lang = Alpine.store('i18n').lang;
        return (lang === 'ru' ? department.nameRu : lang === 'en' ? department.nameEn : department.nameZh) || id;
      },

      departments() {
        return this.figures ? Object.entries(this.figures.openComplaints.byDepartment) : [];
      },

      redraw() {
        if (this.figures) {
          const byState = this.figures.openComplaints.byState;
          draw('states', this.$refs.states, 'bar', STATES.map(s => this.stateLabel(s)), STATES.map(s => byState[s] || 0),
            Kefu.t('dashboard.openByState'));
          const departments = this.departments();
          draw('departments', this.$refs.departments, 'doughnut', departments.map(([d]) => this.departmentLabel(d)),
            departments.map(([, n]) => n), Kefu.t('dashboard.openByDepartment'));
        }
        if (this.report) {
          const channels = Object.entries(this.report.byChannel);
          draw('channels', this.$refs.channels, 'bar', channels.map(([c]) => Kefu.t('dashboard.channel.' + c)),
            channels.map(([, n]) => n), Kefu.t('dashboard.byChannel'));
        }
      },

      async loadReport() {
        const answer = await Kefu.get('/api/reports/complaints' + Kefu.query({ period: this.period }));
        this.problem = answer.problem;
        this.report = answer.ok ? answer.body : null;
        this.$nextTick(() => this.redraw());
      },

      async download(format) {
        const answer = await Kefu.download('/api/reports/complaints' + Kefu.query({ period: this.period, format }),
          `complaints-${this.period}.${format}`);
        this.exportProblem = answer.ok ? null : answer.problem;
      },
    };
  });
});
