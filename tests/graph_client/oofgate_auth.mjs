// Bearer authentication for the Microsoft Graph JavaScript SDK against oofgate over plain http.
//
// The SDK's AuthenticationHandler adds "Authorization: Bearer ..." only to https URLs on
// graph.microsoft.com and friends or on a host listed in `customHosts`, and it *removes* an
// Authorization header from every other request. `customHosts` therefore covers oofgate behind
// TLS (https://oofgate.example/v1.0), but never a plain-http one: for that, replace the
// AuthenticationHandler in the middleware chain with this one, which adds the token only to
// requests for oofgate's own origin (so the token never leaks to another host).
export class OofgateBearerAuth {
  constructor(origin, getToken) {
    this.origin = new URL(origin).origin;
    this.getToken = getToken;
  }

  async execute(context) {
    const url = typeof context.request === "string" ? context.request : context.request.url;
    if (new URL(url).origin === this.origin) {
      context.options.headers = { ...(context.options.headers ?? {}), Authorization: `Bearer ${await this.getToken()}` };
    }
    return this.next.execute(context);
  }

  setNext(next) {
    this.next = next;
  }
}
