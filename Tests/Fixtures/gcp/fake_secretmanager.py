"""Fake Secret Manager v1 (every call needs a bearer token from the fake token endpoint or metadata server).

Resource names in answers use the project NUMBER (424242), as the real service does. `latest` is the newest
version whatever its state: a disabled or destroyed one makes `:access` fail with 400 FAILED_PRECONDITION.
addVersion checks `dataCrc32c` (400 INVALID_ARGUMENT on mismatch) and the 64 KiB limit; `:access` returns the
payload with its CRC32C.
"""
import base64
import time

from crc32c import crc32c
from fakebase import LOCK, google_error, json_reply, route
from faketokens import require_auth

PROJECT_NUMBER = "424242"
SECRETS = {}  # (project, secret) -> {"labels", "created", "versions": [version dicts]}


def now():
    return time.strftime("%Y-%m-%dT%H:%M:%S.000000Z", time.gmtime())


def secret_json(project, secret):
    entry = SECRETS[(project, secret)]
    return {"name": "projects/%s/secrets/%s" % (PROJECT_NUMBER, secret), "createTime": entry["created"],
            "labels": entry["labels"], "replication": {"automatic": {}}, "etag": '"%d"' % len(entry["versions"])}


def version_json(secret, version):
    body = {"name": "projects/%s/secrets/%s/versions/%d" % (PROJECT_NUMBER, secret, version["number"]),
            "createTime": version["created"], "state": version["state"], "etag": '"v%d"' % version["number"]}
    if version["state"] == "DESTROYED":
        body["destroyTime"] = version["destroyed"]
    return body


def find(project, secret, version=None):
    """(entry, version or None, error reply or None)."""
    entry = SECRETS.get((project, secret))
    if entry is None:
        return None, None, google_error(404, "Secret [projects/%s/secrets/%s] not found or has no versions."
                                        % (PROJECT_NUMBER, secret), "NOT_FOUND")
    if version is None:
        return entry, None, None
    versions = entry["versions"]
    chosen = versions[-1] if version == "latest" and versions else None
    if version.isdigit():
        chosen = next((v for v in versions if v["number"] == int(version)), None)
    if chosen is None:
        return entry, None, google_error(404, "Secret Version [projects/%s/secrets/%s/versions/%s] not found."
                                         % (PROJECT_NUMBER, secret, version), "NOT_FOUND")
    return entry, chosen, None


def guarded(function):
    def wrapper(request, *groups):
        return require_auth(request) or function(request, *groups)
    return wrapper


@route("POST", r"/v1/projects/([^/]+)/secrets")
@guarded
def create_secret(request, project):
    secret = request.query.get("secretId", "")
    body = request.json() or {}
    if not secret or "replication" not in body:
        return google_error(400, "Request contains an invalid argument.", "INVALID_ARGUMENT")
    with LOCK:
        if (project, secret) in SECRETS:
            return google_error(409, "Secret [projects/%s/secrets/%s] already exists." % (PROJECT_NUMBER, secret),
                                "ALREADY_EXISTS")
        SECRETS[(project, secret)] = {"labels": body.get("labels", {}), "created": now(), "versions": []}
        return json_reply(200, secret_json(project, secret))


@route("GET", r"/v1/projects/([^/]+)/secrets/([^/:]+)")
@guarded
def get_secret(request, project, secret):
    with LOCK:
        entry, _, error = find(project, secret)
        return error or json_reply(200, secret_json(project, secret))


@route("DELETE", r"/v1/projects/([^/]+)/secrets/([^/:]+)")
@guarded
def delete_secret(request, project, secret):
    with LOCK:
        entry, _, error = find(project, secret)
        if error:
            return error
        del SECRETS[(project, secret)]
        return json_reply(200, {})


@route("POST", r"/v1/projects/([^/]+)/secrets/([^/:]+):addVersion")
@guarded
def add_version(request, project, secret):
    payload = (request.json() or {}).get("payload", {})
    try:
        data = base64.b64decode(payload.get("data", ""), validate=True)
    except ValueError:
        return google_error(400, "Invalid payload data.", "INVALID_ARGUMENT")
    if len(data) > 65536:
        return google_error(400, "Secret Payload cannot be larger than 64KiB.", "INVALID_ARGUMENT")
    if "dataCrc32c" in payload and int(payload["dataCrc32c"]) != crc32c(data):
        return google_error(400, "Checksum mismatch: the data_crc32c does not match the payload.", "INVALID_ARGUMENT")
    with LOCK:
        entry, _, error = find(project, secret)
        if error:
            return error
        version = {"number": len(entry["versions"]) + 1, "state": "ENABLED", "data": data, "created": now()}
        entry["versions"].append(version)
        return json_reply(200, version_json(secret, version))


@route("GET", r"/v1/projects/([^/]+)/secrets/([^/:]+)/versions")
@guarded
def list_versions(request, project, secret):
    size = int(request.query.get("pageSize") or 2)  # small default pages exercise the client's paging
    start = int(request.query.get("pageToken") or 0)
    with LOCK:
        entry, _, error = find(project, secret)
        if error:
            return error
        newest_first = list(reversed(entry["versions"]))
        page = newest_first[start:start + size]
        body = {"versions": [version_json(secret, v) for v in page], "totalSize": len(newest_first)}
        if start + size < len(newest_first):
            body["nextPageToken"] = str(start + size)
        return json_reply(200, body)


@route("GET", r"/v1/projects/([^/]+)/secrets/([^/:]+)/versions/([^/:]+)")
@guarded
def get_version(request, project, secret, number):
    with LOCK:
        _, version, error = find(project, secret, number)
        return error or json_reply(200, version_json(secret, version))


@route("GET", r"/v1/projects/([^/]+)/secrets/([^/:]+)/versions/([^/:]+):access")
@guarded
def access_version(request, project, secret, number):
    with LOCK:
        _, version, error = find(project, secret, number)
        if error:
            return error
        if version["state"] != "ENABLED":
            return google_error(400, "Secret Version [projects/%s/secrets/%s/versions/%d] is in %s state."
                                % (PROJECT_NUMBER, secret, version["number"], version["state"]), "FAILED_PRECONDITION")
        data = version["data"]
        return json_reply(200, {"name": version_json(secret, version)["name"],
                                "payload": {"data": base64.b64encode(data).decode(), "dataCrc32c": str(crc32c(data))}})


@route("POST", r"/v1/projects/([^/]+)/secrets/([^/:]+)/versions/([^/:]+):(disable|enable|destroy)")
@guarded
def change_version(request, project, secret, number, action):
    with LOCK:
        _, version, error = find(project, secret, number)
        if error:
            return error
        if version["state"] == "DESTROYED" and action != "destroy":
            return google_error(400, "Secret Version is in DESTROYED state.", "FAILED_PRECONDITION")
        version["state"] = {"disable": "DISABLED", "enable": "ENABLED", "destroy": "DESTROYED"}[action]
        if action == "destroy":
            version["data"] = b""
            version["destroyed"] = now()
        return json_reply(200, version_json(secret, version))
