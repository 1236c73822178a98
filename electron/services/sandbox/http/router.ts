export type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export interface Matched<R> {
  readonly route: R;
  readonly params: Readonly<Record<string, string>>;
}

/** Path patterns like `/v1/join-requests/:id/decision`; `:name` matches one URL-decoded segment. */
export class Router<R extends { readonly method: Method; readonly pattern: string }> {
  private readonly compiled: { route: R; regex: RegExp; names: string[] }[];

  constructor(routes: readonly R[]) {
    this.compiled = routes.map((route) => {
      const names: string[] = [];
      const source = route.pattern.replace(/:([a-z]+)/gi, (_, name: string) => {
        names.push(name);
        return '([^/]+)';
      });
      return { route, regex: new RegExp(`^${source}$`), names };
    });
  }

  /** The route for this method and path; `method-not-allowed` when only other methods match. */
  match(method: string, path: string): Matched<R> | 'not-found' | 'method-not-allowed' {
    let pathKnown = false;
    for (const { route, regex, names } of this.compiled) {
      const found = regex.exec(path);
      if (!found) continue;
      pathKnown = true;
      if (route.method !== method) continue;
      const params: Record<string, string> = {};
      try {
        names.forEach((name, i) => (params[name] = decodeURIComponent(found[i + 1] ?? '')));
      } catch {
        return 'not-found';
      }
      return { route, params };
    }
    return pathKnown ? 'method-not-allowed' : 'not-found';
  }
}
