/** A user's edit of one diagram, as the API answers it and the sheet's components receive it. */
export interface DiagramEditJson {
  /** "<section id>/<n>": the n-th diagram of that section. */
  diagramKey: string;
  source: string;
  updatedAt: string;
  /** The diagram in content/ changed after this edit was saved (the edit may be out of date). */
  originalChanged: boolean;
}
