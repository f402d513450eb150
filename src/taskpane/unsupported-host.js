/*
 * Shown instead of a blank task pane when this Excel cannot run the pane's bundle.
 *
 * The bundle is ES2020. Volume-licensed Office 2019 and 2016, and Microsoft 365 builds before 16.0.11629, show
 * add-ins in Internet Explorer 11 (Trident); Microsoft 365 builds before 16.0.13530.20424, or later ones without the
 * WebView2 runtime, and retail Office 2016/2019 without WebView2 use Edge Legacy (EdgeHTML). Neither parses the
 * bundle, so nothing of it runs (Microsoft docs: "Browsers and webview controls used by Office Add-ins",
 * https://learn.microsoft.com/office/dev/add-ins/concepts/browsers-used-by-office-web-add-ins, and "Support older
 * Microsoft webviews and Office versions", which recommends exactly this: a graceful message in those webviews).
 *
 * This file is therefore ES5 (test/host-support/unsupported-host.test.ts parses it with an ES5-only parser) and an
 * external script (the page's CSP allows no inline script). It decides in three ways, the first that applies:
 *   1. the engine is one of the two named above (document.documentMode / an "Edge/" user agent): message at once;
 *   2. a feature the bundle needs at run time is missing: message at once;
 *   3. otherwise, when the page has loaded, the bundle did not mark that it started (window.__disclosureTablesStarted,
 *      set by src/taskpane/index.tsx): whatever the reason (a syntax it cannot parse, a failed download), the user
 *      gets a message instead of an empty pane.
 */
(function () {
  'use strict';

  var STARTED = '__disclosureTablesStarted';
  var BOX_ID = 'dt-unsupported';

  /** The webview engines Office still uses that cannot run the bundle, by name; null for any other. */
  function oldEngine(win) {
    var doc = win.document;
    if (doc && typeof doc.documentMode === 'number') return 'Internet Explorer ' + doc.documentMode + ' (Trident)';
    var ua = (win.navigator && win.navigator.userAgent) || '';
    if (/Trident\//.test(ua)) return 'Internet Explorer 11 (Trident)';
    var edge = /\bEdge\/(\d+)/.exec(ua);
    if (edge) return 'Microsoft Edge Legacy (EdgeHTML ' + edge[1] + ')';
    return null;
  }

  /** Run-time features the bundle uses that older engines lack; the names of those missing. */
  function missingFeatures(win) {
    var checks = [
      ['globalThis', typeof win.globalThis === 'object'],
      ['Promise', typeof win.Promise === 'function'],
      ['Map', typeof win.Map === 'function'],
      ['Set', typeof win.Set === 'function'],
      ['WeakMap', typeof win.WeakMap === 'function'],
      ['Symbol', typeof win.Symbol === 'function'],
      ['Proxy', typeof win.Proxy === 'function'],
      ['Object.fromEntries', typeof win.Object.fromEntries === 'function'],
      ['Array.prototype.flatMap', typeof win.Array.prototype.flatMap === 'function'],
      ['String.prototype.matchAll', typeof win.String.prototype.matchAll === 'function'],
    ];
    var missing = [];
    for (var i = 0; i < checks.length; i++) if (!checks[i][1]) missing.push(checks[i][0]);
    return missing;
  }

  var TEXT = {
    zh: {
      titleOld: '此版本的 Excel 无法运行本加载项',
      titleFailed: '任务窗格未能启动',
      reasonOld: function (engine) {
        return '这台电脑上的 Excel 用 ' + engine + ' 显示加载项，它无法运行本加载项的程序。';
      },
      reasonMissing: function (list) {
        return '这台电脑上的 Excel 用来显示加载项的浏览器组件过旧（缺少 ' + list + '）。';
      },
      reasonFailed: '加载项的程序没有运行起来：可能是 Excel 用来显示加载项的浏览器组件过旧，也可能是文件没有下载完整。',
      worksHeading: '可以使用本加载项的 Excel：',
      works: [
        'Microsoft 365 版 Excel（Windows）：内部版本 16.0.13530.20424 或更高，并已安装 Microsoft Edge WebView2 运行时；',
        'Excel 2021、Excel 2024（Windows）；',
        'Excel 2016、Excel 2019 零售版（Windows）：版本 1801 或更高，并已安装 Microsoft Edge WebView2 运行时；',
        'Mac 版 Excel 16.9 或更高（macOS 自带的 Safari 需为 14 或更高）；',
        'Excel 网页版（在 Edge、Chrome、Safari 或 Firefox 中打开）。',
      ],
      notHeading: '不能使用：',
      not: 'Excel 2019、Excel 2016 的批量许可版（用 Internet Explorer 11 显示加载项），以及未安装 WebView2 的旧版 Windows Excel。',
      todo:
        '怎么办：请单位的信息化管理员为本机安装 Microsoft Edge WebView2 运行时并将 Office 更新到以上版本，然后重新打开 Excel；' +
        '也可以改用 Excel 网页版。没有加载项时，仍可用命令行 disclosure-tables check 检查报表，或用自查模板填写。',
    },
    en: {
      titleOld: 'This version of Excel cannot run this add-in',
      titleFailed: 'The task pane could not start',
      reasonOld: function (engine) {
        return 'Excel on this computer shows add-ins in ' + engine + ', which cannot run this add-in.';
      },
      reasonMissing: function (list) {
        return 'The browser component Excel uses for add-ins on this computer is too old (it lacks ' + list + ').';
      },
      reasonFailed:
        "The add-in's program did not start: the browser component Excel uses for add-ins may be too old, or the files did not download completely.",
      worksHeading: 'Excel versions that run this add-in:',
      works: [
        'Excel for Microsoft 365 on Windows, build 16.0.13530.20424 or later, with the Microsoft Edge WebView2 Runtime installed;',
        'Excel 2021 and Excel 2024 on Windows;',
        'Excel 2016 and 2019 retail on Windows, version 1801 or later, with the Microsoft Edge WebView2 Runtime installed;',
        'Excel for Mac 16.9 or later (with Safari 14 or later on that Mac);',
        'Excel on the web (in Edge, Chrome, Safari or Firefox).',
      ],
      notHeading: 'Not supported:',
      not: 'volume-licensed Excel 2019 and 2016 (they show add-ins in Internet Explorer 11), and older Excel on Windows without WebView2.',
      todo:
        'What to do: ask your IT administrator to install the Microsoft Edge WebView2 Runtime and update Office to one of the versions above, then reopen Excel; ' +
        'or use Excel on the web. Without the add-in, the command line (disclosure-tables check) and the self-checking template still work.',
    },
  };

  function element(doc, tag, text, lang) {
    var el = doc.createElement(tag);
    if (text) el.appendChild(doc.createTextNode(text));
    if (lang) el.setAttribute('lang', lang);
    return el;
  }

  function block(doc, t, lang, reason, old) {
    var div = element(doc, 'div', null, lang);
    div.style.marginBottom = '16px';
    var h = element(doc, 'h1', old ? t.titleOld : t.titleFailed);
    h.style.fontSize = '16px';
    h.style.margin = '0 0 8px';
    div.appendChild(h);
    div.appendChild(element(doc, 'p', reason));
    div.appendChild(element(doc, 'p', t.worksHeading));
    var ul = element(doc, 'ul');
    for (var i = 0; i < t.works.length; i++) ul.appendChild(element(doc, 'li', t.works[i]));
    div.appendChild(ul);
    div.appendChild(element(doc, 'p', t.notHeading + ' ' + t.not));
    div.appendChild(element(doc, 'p', t.todo));
    return div;
  }

  /** Replaces the pane's content with the message, Chinese first and English second (once). */
  function show(win, kind, detail) {
    var doc = win.document;
    if (doc.getElementById(BOX_ID)) return;
    var box = element(doc, 'div');
    box.id = BOX_ID;
    box.setAttribute('role', 'alert');
    box.setAttribute('data-reason', kind);
    box.style.padding = '12px';
    box.style.fontSize = '13px';
    box.style.lineHeight = '1.5';
    box.style.borderLeft = '4px solid #bc4b09';
    box.style.background = '#fff9f5';
    var zh = TEXT.zh;
    var en = TEXT.en;
    var reasonZh =
      kind === 'engine' ? zh.reasonOld(detail) : kind === 'features' ? zh.reasonMissing(detail) : zh.reasonFailed;
    var reasonEn =
      kind === 'engine' ? en.reasonOld(detail) : kind === 'features' ? en.reasonMissing(detail) : en.reasonFailed;
    box.appendChild(block(doc, zh, 'zh-CN', reasonZh, kind !== 'notStarted'));
    box.appendChild(block(doc, en, 'en', reasonEn, kind !== 'notStarted'));
    var root = doc.getElementById('root');
    if (root) {
      while (root.firstChild) root.removeChild(root.firstChild);
      root.appendChild(box);
    } else {
      doc.body.appendChild(box);
    }
  }

  function whenReady(win, fn) {
    if (win.document.readyState !== 'loading') fn();
    else win.document.addEventListener('DOMContentLoaded', fn);
  }

  var win = window;
  var engine = oldEngine(win);
  var missing = engine ? [] : missingFeatures(win);
  if (engine) {
    whenReady(win, function () {
      show(win, 'engine', engine);
    });
  } else if (missing.length > 0) {
    whenReady(win, function () {
      show(win, 'features', missing.join(', '));
    });
  } else {
    // Deferred scripts (the bundle) have run before `load`: by then a bundle that could start has marked it.
    win.addEventListener('load', function () {
      if (!win[STARTED]) show(win, 'notStarted', '');
    });
  }
})();
