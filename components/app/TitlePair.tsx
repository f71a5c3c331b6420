type TitleTag = "h1" | "p" | "span";

/**
 * A course's or chapter's title and, when it has one, its Korean title after it: content, so never
 * translated. The tags and class names are the caller's (a page heading, a cover, a contents line).
 */
export function TitlePair({
  title,
  titleKr,
  tags: [TitleTag, KrTag] = ["span", "span"],
  classNames: [titleClass, krClass],
}: {
  title: string;
  titleKr?: string;
  tags?: [TitleTag, TitleTag];
  classNames: [string | undefined, string];
}) {
  return (
    <>
      <TitleTag className={titleClass} translate="no">
        {title}
      </TitleTag>
      {titleKr ? (
        <KrTag className={krClass} lang="ko" translate="no">
          {titleKr}
        </KrTag>
      ) : null}
    </>
  );
}
