// A TypeDoc plugin (loaded by typedoc.json). The members of generated types
// (src/generated/: openapi-typescript's `paths`/`components`/`operations`,
// protobuf-es messages) carry the upstream document's descriptions where it
// has them. Where it has none, we have nothing truer to write, so the reference
// says so instead of the docs check failing on thousands of upstream fields.
// Every hand-written export, and every generated top-level type, still needs
// its own TSDoc: only members declared inside src/generated/ are marked.
import { Comment, Converter, DeclarationReflection, ReflectionKind } from 'typedoc';

const GENERATED = /[\\/]src[\\/]generated[\\/]/;

/** @param {import('typedoc').Application} app */
export function load(app) {
  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
    for (const reflection of Object.values(context.project.reflections)) {
      if (!(reflection instanceof DeclarationReflection) || reflection.hasComment()) continue;
      if (reflection.parent?.kindOf(ReflectionKind.SomeModule | ReflectionKind.Project)) continue;
      const file = reflection.sources?.[0]?.fullFileName ?? '';
      if (!GENERATED.test(file)) continue;
      reflection.comment = new Comment([{ kind: 'text', text: 'No description in the upstream document.' }]);
    }
  });
}
