/**
 * template.html: the add-in's own download page for the blank template, opened in the user's browser from desktop
 * and Mac Excel (whose task panes ignore download links; see src/excel/open-workbook.ts). It reads the format, year
 * and body from its query string, makes the workbook here in the browser and downloads it. Chinese first.
 */
import { deliverTemplate, templateFileName, templateRequestFromQuery } from './template-download';

const TEXT = {
  making: ['正在生成模板…', 'Making the template…'],
  done: (file: string) => [`模板已下载：${file}`, `The template was downloaded: ${file}`],
  again: ['再次下载', 'Download again'],
  bad: [
    '链接不完整，无法生成模板。请回到 Excel 中的任务窗格重新点击“下载空白模板”。',
    'This link is incomplete. Go back to the task pane in Excel and click the template button again.',
  ],
  failed: (m: string) => [`模板生成失败：${m}`, `The template could not be made: ${m}`],
};

function say(root: HTMLElement, [zh, en]: string[]): void {
  root.replaceChildren();
  for (const [text, lang] of [
    [zh, 'zh-CN'],
    [en, 'en'],
  ]) {
    const p = document.createElement('p');
    p.lang = lang;
    p.textContent = text;
    root.appendChild(p);
  }
  root.setAttribute('role', 'status');
}

async function run(root: HTMLElement): Promise<void> {
  const req = templateRequestFromQuery(location.search);
  if (!req) return say(root, TEXT.bad);
  const download = async () => {
    say(root, TEXT.making);
    try {
      await deliverTemplate(req);
      say(root, TEXT.done(templateFileName(req)));
      const again = document.createElement('button');
      again.type = 'button';
      again.textContent = TEXT.again.join(' · ');
      again.addEventListener('click', () => void download());
      root.appendChild(again);
    } catch (e) {
      say(root, TEXT.failed(e instanceof Error ? e.message : String(e)));
    }
  };
  await download();
}

const root = document.getElementById('root');
if (root) void run(root);
