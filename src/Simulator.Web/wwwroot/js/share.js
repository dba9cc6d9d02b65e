// Copies text to the clipboard; false when the browser refuses (no permission, not a secure
// context), so the page can show the link in a field to copy by hand instead.
export async function copy(text) {
  try {
    if (!navigator.clipboard) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

// Selects the text of a field (the fallback link) so Ctrl+C copies it.
export function select(element) {
  element.focus();
  element.select();
}
