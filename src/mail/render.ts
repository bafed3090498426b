// Templates are plain text an organiser can edit: "Subject: …" on the first line, then the body, with
// {{placeholders}}. The HTML part is made from the same text inside layout.html, so there is one text
// to edit per reply. Values are data: they are escaped in HTML and never evaluated.

export type TemplateVars = Record<string, string | number>;

const PLACEHOLDER = /\{\{\s*([a-zA-Z0-9_.]+)\s*\}\}/g;

export class TemplateError extends Error {
  readonly code = 'TEMPLATE_INVALID';
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function fill(template: string, vars: TemplateVars, escape: (s: string) => string): string {
  return template.replace(PLACEHOLDER, (_, key: string) => (key in vars ? escape(String(vars[key])) : ''));
}

/** Header values must stay on one line: CR/LF from a mail never becomes a new header. */
function oneLine(text: string): string {
  return text.replace(/[\r\n\t]+/g, ' ').trim();
}

export function splitTemplate(source: string, name: string): { subject: string; body: string } {
  const match = source.match(/^Subject:[ \t]*(.*)\r?\n\r?\n?([\s\S]*)$/);
  if (!match) throw new TemplateError(`template ${name}: the first line must be "Subject: …"`);
  return { subject: match[1]!, body: match[2]! };
}

function textToHtml(text: string): string {
  return text
    .trim()
    .split(/\n{2,}/)
    .map((para) => `<p>${escapeHtml(para).replace(/\n/g, '<br>\n')}</p>`)
    .join('\n');
}

export interface Rendered {
  subject: string;
  text: string;
  html: string;
}

export function render(template: { source: string; name: string }, layout: string, vars: TemplateVars): Rendered {
  const { subject, body } = splitTemplate(template.source, template.name);
  const renderedSubject = oneLine(fill(subject, vars, (s) => s));
  const text = fill(body, vars, (s) => s);
  return { subject: renderedSubject, text, html: insertBody(layout, vars, renderedSubject, textToHtml(text)) };
}

function insertBody(layout: string, vars: TemplateVars, subject: string, bodyHtml: string): string {
  // The body is already escaped HTML: put it in after the other placeholders are filled and escaped.
  const marker = '\u0000BODY\u0000';
  return fill(layout.replace(/\{\{\s*body\s*\}\}/, marker), { ...vars, subject }, escapeHtml).replace(marker, bodyHtml);
}
