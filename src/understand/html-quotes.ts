// Where the quoted or forwarded part of an HTML mail begins. Mail clients mark it in the markup, which is far
// more reliable than guessing from the text: cut there first, then convert what is left to text.

/**
 * Attribute or tag fragments (lower case) that open the quoted part, per client:
 * Gmail, Outlook (web, new, iOS/Android), Apple Mail and Thunderbird (cite blockquote), Thunderbird prefix
 * and forward container, Yahoo, Outlook for Mac, Zoho, and Word-generated Outlook header blocks.
 */
const QUOTE_MARKERS: string[] = [
  'class="gmail_quote',
  "class='gmail_quote",
  'class=gmail_quote',
  'id="appendonsend"',
  'id="divrplyfwdmsg"',
  'id=divrplyfwdmsg',
  '<blockquote type="cite"',
  "<blockquote type='cite'",
  '<blockquote type=cite',
  'class="moz-cite-prefix"',
  'class="moz-forward-container"',
  'class="yahoo_quoted"',
  'id="yahoo_quoted_',
  'id="mail-editor-reference-message-container"',
  'class="outlookmessageheader"',
  'class="zmail_extra"',
  'border-top:solid #e1e1e1',
  'border-top: solid #e1e1e1',
  'border-top:solid #b5c4df',
  'border-top: solid #b5c4df',
];

export interface HtmlSplit {
  /** markup written by the person for this mail */
  ownHtml: string;
  /** markup of the quoted or forwarded part ('' when none was marked) */
  quotedHtml: string;
}

/** Start of the tag that contains position `at`. */
function tagStart(html: string, at: number): number {
  const lt = html.lastIndexOf('<', at);
  return lt < 0 ? at : lt;
}

export function splitHtmlQuote(html: string): HtmlSplit {
  const lower = html.toLowerCase();
  let cut = -1;
  for (const marker of QUOTE_MARKERS) {
    const at = lower.indexOf(marker);
    if (at < 0) continue;
    const start = marker.startsWith('<') ? at : tagStart(lower, at);
    if (cut < 0 || start < cut) cut = start;
  }
  if (cut < 0) return { ownHtml: html, quotedHtml: '' };
  return { ownHtml: html.slice(0, cut), quotedHtml: html.slice(cut) };
}
