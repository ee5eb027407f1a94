"""Access tokens issued by the fakes (token endpoint, metadata server, IAM Credentials) and their checks."""
import secrets
import time

from fakebase import CONFIG, LOCK, TOKENS, json_reply, route


def issue_token(subject, default_lifetime=3599):
    lifetime = int(CONFIG["tokenLifetime"].get(subject, default_lifetime))
    token = "ya29.fake-" + secrets.token_urlsafe(24)
    with LOCK:
        TOKENS[token] = {"subject": subject, "expires": time.time() + lifetime, "revoked": False}
    return token, lifetime


def check_bearer(request):
    """(ok, reason); sets request.subject."""
    header = request.headers.get("authorization", "")
    if not header.startswith("Bearer "):
        return False, "no bearer token"
    with LOCK:
        info = TOKENS.get(header[7:])
    if info is None:
        return False, "unknown token"
    if info["revoked"]:
        return False, "revoked token"
    if info["expires"] < time.time():
        return False, "expired token"
    request.subject = info["subject"]
    return True, "ok"


def require_auth(request):
    ok, reason = check_bearer(request)
    if ok:
        return None
    return json_reply(401, {"error": {"code": 401, "message": "Request had invalid authentication credentials ("
                                      + reason + ").", "status": "UNAUTHENTICATED"}})



@route("POST", "/_fake/revoke")
def revoke(request):
    subject = (request.json() or {}).get("subject")
    with LOCK:
        for info in TOKENS.values():
            if info["subject"] == subject:
                info["revoked"] = True
    return json_reply(200, {})
