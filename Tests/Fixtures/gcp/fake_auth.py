"""Fake OAuth token endpoint, metadata server and IAM Credentials API.

Token endpoint (POST /token, form-encoded), as oauth2.googleapis.com behaves:
  grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer&assertion=JWT
      The JWT's RS256 signature is verified with the public key registered for its "kid" (--public-key KID=PATH);
      aud must be this endpoint's URL, scope must include cloud-platform, iat/exp must be a <= 1 h window around now.
  grant_type=refresh_token&client_id&client_secret&refresh_token
      Checked against users registered with POST /_fake/users {client_id, client_secret, refresh_token, subject}.
  GET /_fake/assertions?iss=E   the verified header and claims of E's assertions.
Metadata server (every request needs "Metadata-Flavor: Google"; answers carry it): GET / (ping),
  /computeMetadata/v1/instance/service-accounts/default/{token,email}, /computeMetadata/v1/project/project-id.
IAM Credentials: POST /v1/projects/-/serviceAccounts/{email}:generateAccessToken (bearer token required);
  targets starting with "denied-" get 403. GET /_fake/impersonations lists who impersonated whom.
"""
import base64
import json
import re
import time
from urllib.parse import parse_qs, unquote

from fakebase import CONFIG, LOCK, Reply, google_error, json_reply, route
from faketokens import issue_token, require_auth

PUBLIC_KEYS = {}
USERS = {}
ASSERTIONS = []
IMPERSONATIONS = []
METADATA_ACCOUNT = "runner@fake-project.iam.gserviceaccount.com"
JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer"
CLOUD_PLATFORM = "https://www.googleapis.com/auth/cloud-platform"
TIMEFRAME = ("Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. "
             "Check your iat and exp values in the JWT claim.")


def load_public_keys(arguments):
    from cryptography.hazmat.primitives import serialization
    for index, argument in enumerate(arguments):
        if argument == "--public-key":
            kid, path = arguments[index + 1].split("=", 1)
            with open(path, "rb") as handle:
                PUBLIC_KEYS[kid] = serialization.load_pem_public_key(handle.read())


def b64url(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def oauth_error(status, error, description):
    return json_reply(status, {"error": error, "error_description": description})


def verify_assertion(assertion):
    """(claims, None) or (None, error reply)."""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import padding
    parts = assertion.split(".")
    if len(parts) != 3:
        return None, oauth_error(400, "invalid_grant", "Invalid JWT: not three segments.")
    try:
        header, claims = json.loads(b64url(parts[0])), json.loads(b64url(parts[1]))
        signature = b64url(parts[2])
    except ValueError:
        return None, oauth_error(400, "invalid_grant", "Invalid JWT: undecodable segment.")
    if header.get("alg") != "RS256" or header.get("typ") != "JWT":
        return None, oauth_error(400, "invalid_grant", "Invalid JWT: unsupported header.")
    key = PUBLIC_KEYS.get(header.get("kid"))
    if key is None:
        return None, oauth_error(400, "invalid_grant", "Invalid JWT Signature.")
    try:
        key.verify(signature, (parts[0] + "." + parts[1]).encode(), padding.PKCS1v15(), hashes.SHA256())
    except InvalidSignature:
        return None, oauth_error(400, "invalid_grant", "Invalid JWT Signature.")
    now = time.time()
    iat, exp = claims.get("iat"), claims.get("exp")
    if not isinstance(iat, int) or not isinstance(exp, int) or iat > now + 60 or iat < now - 300 \
            or exp <= now or exp - iat > 3600:
        return None, oauth_error(400, "invalid_grant", TIMEFRAME)
    if claims.get("aud") != CONFIG["baseURL"] + "/token":
        return None, oauth_error(400, "invalid_grant", "Invalid JWT: audience mismatch.")
    if CLOUD_PLATFORM not in str(claims.get("scope", "")).split(" "):
        return None, oauth_error(400, "invalid_scope", "Invalid OAuth scope or ID token audience provided.")
    if not str(claims.get("iss", "")).endswith(".iam.gserviceaccount.com"):
        return None, oauth_error(400, "invalid_grant", "Invalid grant: account not found")
    with LOCK:
        ASSERTIONS.append({"header": header, "claims": claims, "raw": assertion})
    return claims, None


@route("POST", "/token")
def token(request):
    form = {k: v[0] for k, v in parse_qs(request.body.decode(), keep_blank_values=True).items()}
    if request.headers.get("content-type", "").split(";")[0] != "application/x-www-form-urlencoded":
        return oauth_error(400, "invalid_request", "Bad content type.")
    grant = form.get("grant_type")
    if grant == JWT_BEARER:
        claims, error = verify_assertion(form.get("assertion", ""))
        if error:
            return error
        subject = claims["iss"]
    elif grant == "refresh_token":
        user = USERS.get(form.get("refresh_token"))
        if user is None:
            return oauth_error(400, "invalid_grant", "Token has been expired or revoked.")
        if user["client_id"] != form.get("client_id") or user["client_secret"] != form.get("client_secret"):
            return oauth_error(401, "invalid_client", "The OAuth client was not found.")
        subject = user["subject"]
    else:
        return oauth_error(400, "unsupported_grant_type", "Invalid grant_type: %s" % grant)
    value, lifetime = issue_token(subject)
    return json_reply(200, {"access_token": value, "expires_in": lifetime, "token_type": "Bearer"})


@route("POST", "/_fake/users")
def add_user(request):
    user = request.json()
    with LOCK:
        USERS[user["refresh_token"]] = user
    return json_reply(200, {})


@route("GET", "/_fake/assertions")
def list_assertions(request):
    iss = request.query.get("iss")
    with LOCK:
        return json_reply(200, [a for a in ASSERTIONS if a["claims"].get("iss") == iss])


# ---- metadata server ---------------------------------------------------------------------------------------------

def metadata(request, body, content_type="application/text"):
    if request.headers.get("metadata-flavor") != "Google":
        return Reply(403, "Missing Metadata-Flavor:Google header.", content_type="text/plain")
    payload = body if isinstance(body, str) else json.dumps(body)
    return Reply(200, payload, {"Metadata-Flavor": "Google"}, content_type)


@route("GET", "/")
def metadata_ping(request):
    return metadata(request, "computeMetadata/\n")


@route("GET", "/computeMetadata/v1/instance/service-accounts/default/token")
def metadata_token(request):
    value, lifetime = issue_token(CONFIG.get("metadataAccount", METADATA_ACCOUNT))
    return metadata(request, {"access_token": value, "expires_in": lifetime, "token_type": "Bearer"},
                    "application/json")


@route("GET", "/computeMetadata/v1/instance/service-accounts/default/email")
def metadata_email(request):
    return metadata(request, CONFIG.get("metadataAccount", METADATA_ACCOUNT))


@route("GET", "/computeMetadata/v1/project/project-id")
def metadata_project(request):
    return metadata(request, "fake-project")


# ---- IAM Credentials ---------------------------------------------------------------------------------------------

@route("POST", r"/v1/projects/-/serviceAccounts/([^/]+):generateAccessToken")
def generate_access_token(request, encoded_email):
    denied = require_auth(request)
    if denied:
        return denied
    target = unquote(encoded_email)
    body = request.json() or {}
    lifetime = body.get("lifetime", "3600s")
    if not body.get("scope") or not re.match(r"^\d+s$", lifetime) or int(lifetime[:-1]) > 3600:
        return google_error(400, "Request contains an invalid argument.", "INVALID_ARGUMENT")
    delegates = body.get("delegates", [])
    if any(not d.startswith("projects/-/serviceAccounts/") for d in delegates):
        return google_error(400, "Invalid form of delegates.", "INVALID_ARGUMENT")
    if target.startswith("denied-"):
        return google_error(403, "Permission 'iam.serviceAccounts.getAccessToken' denied on resource "
                            "(or it may not exist).", "PERMISSION_DENIED")
    value, seconds = issue_token(target, int(lifetime[:-1]))
    with LOCK:
        IMPERSONATIONS.append({"source": request.subject, "target": target, "delegates": delegates,
                               "scope": body.get("scope")})
    expire = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() + seconds))
    return json_reply(200, {"accessToken": value, "expireTime": expire})


@route("GET", "/_fake/impersonations")
def list_impersonations(request):
    with LOCK:
        return json_reply(200, list(IMPERSONATIONS))
