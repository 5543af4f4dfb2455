/*
 * The section editor: rich text through django-prose-editor (Tiptap) with an inline "figure"
 * node, the live figure picker, and "who else has this section open". Without this script the
 * page still works: rich text is a plain textarea of HTML, cleaned on the server.
 */
import * as E from "../django_prose_editor/editor.js";

const editors = [];
let lastEditor = null;

const FigureRef = E.Node.create({
  name: "figureRef",
  group: "inline",
  inline: true,
  atom: true,
  selectable: true,
  addAttributes() {
    return {
      figure: { default: "", parseHTML: (el) => el.getAttribute("data-figure") },
      text: { default: "", parseHTML: (el) => el.textContent },
    };
  },
  parseHTML() {
    return [{ tag: "span[data-figure]" }];
  },
  renderHTML({ node }) {
    return ["span", { "data-figure": node.attrs.figure, class: "figure-ref" }, node.attrs.text];
  },
});

/*
 * As django-prose-editor's createTextareaEditor, but with Tiptap's injectCSS off: the portal's
 * Content Security Policy allows no inline <style>; the few rules Tiptap injects are in report.css.
 */
function textareaEditor(textarea, extensions) {
  const wrapper = document.createElement("div");
  wrapper.className = "prose-editor";
  textarea.before(wrapper);
  wrapper.append(textarea);
  return new E.Editor({
    element: wrapper,
    extensions,
    content: textarea.value,
    injectCSS: false,
    onUpdate({ editor }) {
      const html = editor.getHTML();
      textarea.value = /^<(\w+)(\s[^>]*)?><\/\1>$/i.test(html) ? "" : html;
      textarea.dispatchEvent(new Event("input", { bubbles: true }));
    },
  });
}

function createEditor(textarea) {
  const extensions = [
    E.Document, E.Paragraph, E.Text, E.HardBreak, E.Bold, E.Italic, E.Underline, E.Strike,
    E.Subscript, E.Superscript, E.Heading.configure({ levels: [3, 4] }), E.BulletList, E.OrderedList,
    E.ListItem, E.Blockquote, E.Link.configure({ openOnClick: false }), E.History, E.Menu, FigureRef,
  ];
  try {
    const editor = textareaEditor(textarea, extensions);
    // The editable area replaces the textarea, so it takes over the textarea's name and help.
    const label = document.querySelector(`label[for="${textarea.id}"]`);
    const block = textarea.closest("fieldset");
    const legend = block ? block.querySelector("legend") : null;
    const dom = editor.view.dom;
    dom.setAttribute("role", "textbox");
    dom.setAttribute("aria-multiline", "true");
    dom.setAttribute("aria-label", [legend && legend.textContent.trim(), label && label.textContent.trim()].filter(Boolean).join(": "));
    const help = document.getElementById(`${textarea.id}_help`);
    if (help) { dom.setAttribute("aria-describedby", help.id); }
    editor.on("focus", () => { lastEditor = editor; });
    editors.push(editor);
    if (!lastEditor) { lastEditor = editor; }
  } catch (error) {
    console.error("Rich text editor not started; the HTML box stays usable.", error);
  }
}

function csrfToken() {
  const input = document.querySelector("input[name=csrfmiddlewaretoken]");
  return input ? input.value : "";
}

function setupPicker() {
  const picker = document.getElementById("figure-picker");
  if (!picker) { return; }
  const out = document.getElementById("pick-value");
  const field = (id) => document.getElementById(id).value;
  async function lookUp() {
    const params = new URLSearchParams({
      metric: field("pick-metric"), area: field("pick-area"), period: field("pick-period"),
      year: field("pick-year"), report_year: picker.dataset.reportYear,
    });
    const response = await fetch(`${picker.dataset.url}?${params}`, { credentials: "same-origin" });
    const data = await response.json();
    out.textContent = data.error ? data.error : `${data.label}: ${data.text}`;
    return response.ok ? data : null;
  }
  ["pick-metric", "pick-area", "pick-period", "pick-year"].forEach((id) => {
    document.getElementById(id).addEventListener("change", lookUp);
  });
  document.getElementById("pick-insert").addEventListener("click", async () => {
    const data = await lookUp();
    if (!data) { return; }
    if (!lastEditor) {
      out.textContent = "Add a rich text block first, then insert the figure into it.";
      return;
    }
    lastEditor.chain().focus().insertContent({ type: "figureRef", attrs: { figure: data.attribute, text: data.text } }).run();
    out.textContent = `Inserted ${data.label}: ${data.text}`;
  });
}

function setupPresence() {
  const presence = document.getElementById("presence");
  if (!presence) { return; }
  async function ping() {
    try {
      const response = await fetch(presence.dataset.url, {
        method: "POST", credentials: "same-origin", headers: { "X-CSRFToken": csrfToken() },
      });
      if (!response.ok) { return; }
      const data = await response.json();
      const text = data.others.length ? `Also open by: ${data.others.join(", ")}` : "";
      if (presence.textContent !== text) { presence.textContent = text; }
    } catch (error) { /* offline: try again next time */ }
  }
  setInterval(ping, 15000);
}

function focusNewBlock() {
  const source = document.getElementById("editor-focus");
  const id = source ? JSON.parse(source.textContent) : "";
  if (!id) { return; }
  const block = document.getElementById(`edit-${id}`);
  const first = block && block.querySelector("input:not([type=hidden]), select, textarea, [contenteditable]");
  if (first) { first.focus(); }
}

document.querySelectorAll("textarea[data-rich-text]").forEach(createEditor);
setupPicker();
setupPresence();
focusNewBlock();
