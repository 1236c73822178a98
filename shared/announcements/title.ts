const MAX_SHOWN = 120;

/** What an announcement is called on screen: its title, else the first line of its text. */
export function displayTitle(title: string, body: string): string {
  if (title.trim() !== '') return title;
  const firstLine = body.split('\n').find((line) => line.trim() !== '')?.trim() ?? '';
  return firstLine === '' ? 'Untitled announcement' : firstLine.slice(0, MAX_SHOWN);
}
