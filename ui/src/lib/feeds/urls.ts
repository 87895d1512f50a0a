// Addresses typed by hand: "example.com/blog" means https://example.com/blog.

/** `input` trimmed, with `https://` in front when it names no scheme; '' when blank. */
export function typedUrl(input: string): string {
  const trimmed = input.trim();
  if (trimmed === '') return '';
  if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed) && !/^[^:/]+:\d/.test(trimmed)) return trimmed;
  return `https://${trimmed.replace(/^\/+/, '')}`;
}
