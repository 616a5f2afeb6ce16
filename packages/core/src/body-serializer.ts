/**
 * The default body serializer of every client. Bodies that hold a `Blob` (the
 * type our codegen gives `format: binary`, e.g. KFP's `uploadfile`) are sent
 * as `multipart/form-data`; everything else as JSON. openapi-fetch's own
 * default would send an upload as `{"uploadfile":{}}`.
 */
export function serializeBody(body: unknown): string | FormData {
  if (body instanceof FormData) return body;
  if (isMultipartBody(body)) return toFormData(body);
  return JSON.stringify(body);
}

function isMultipartBody(body: unknown): body is Record<string, unknown> {
  return (
    typeof body === 'object' &&
    body !== null &&
    !Array.isArray(body) &&
    Object.values(body).some((value) => value instanceof Blob)
  );
}

function toFormData(body: Record<string, unknown>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(body)) {
    if (value === undefined || value === null) continue;
    if (value instanceof Blob) {
      // A File keeps its own name; a bare Blob gets one, since servers (KFP among them) read the file part by name.
      form.append(name, value, value instanceof File ? value.name : name);
    } else {
      form.append(name, typeof value === 'string' ? value : JSON.stringify(value));
    }
  }
  return form;
}
