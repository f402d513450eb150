/**
 * template.html: the add-in's own download page for the blank template, opened in the user's browser from desktop
 * and Mac Excel (whose task panes ignore download links; see src/excel/open-workbook.ts). It reads the format, year
 * and body from its query string, makes the workbook here in the browser and downloads it. Chinese first.
 */
import { STRINGS, type Strings } from './i18n';
import { deliverTemplate, templateFileName, templateRequestFromQuery } from './template-download';

/** Says one of the pane's strings in both languages, Chinese first: the page cannot know the Office language. */
function say(root: HTMLElement, pick: (t: Strings) => string): void {
  root.replaceChildren();
  for (const lang of ['zh', 'en'] as const) {
    const p = document.createElement('p');
    p.lang = lang === 'zh' ? 'zh-CN' : 'en';
    p.textContent = pick(STRINGS[lang]);
    root.appendChild(p);
  }
  root.setAttribute('role', 'status');
}

async function run(root: HTMLElement): Promise<void> {
  const req = templateRequestFromQuery(location.search);
  if (!req) return say(root, (t) => t.templateBadLink);
  const download = async () => {
    say(root, (t) => t.templateMaking);
    try {
      await deliverTemplate(req);
      say(root, (t) => t.templateDownloaded(templateFileName(req)));
      const again = document.createElement('button');
      again.type = 'button';
      again.textContent = `${STRINGS.zh.templateAgain} · ${STRINGS.en.templateAgain}`;
      again.addEventListener('click', () => void download());
      root.appendChild(again);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      say(root, (t) => t.templateFailed + message);
    }
  };
  await download();
}

const root = document.getElementById('root');
if (root) void run(root);
