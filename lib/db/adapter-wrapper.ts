/**
 * The base of a class that wraps a Prisma driver adapter (or adapter factory) to change one thing
 * about it: Prisma reads `provider` and `adapterName` off whatever it is given, so the wrapper
 * answers with the wrapped one's.
 */
export abstract class AdapterWrapper<Inner extends { readonly provider: string; readonly adapterName: string }> {
  readonly provider: Inner["provider"];
  readonly adapterName: string;

  constructor(protected readonly inner: Inner) {
    this.provider = inner.provider;
    this.adapterName = inner.adapterName;
  }
}
