"""Fake Cloud Storage JSON API covering what fake-gcs-server gets wrong (cloud-apis.md §8.2).

Preconditions (ifGenerationMatch / ifGenerationNotMatch, 0 = "no live object") are enforced on every upload type
(media, multipart, resumable: at session start and again when it completes), on deletes and on reads; DELETE
answers 204; the resumable status query (PUT with empty body and "Content-Range: bytes */TOTAL") answers 308 with
the persisted Range instead of finalising; non-final chunks must be multiples of 256 KiB; re-sent bytes that were
already persisted are ignored. Uploads carrying crc32c/md5Hash are verified (400 on mismatch). Media reads carry
x-goog-hash and x-goog-generation. Listing honours prefix, delimiter, maxResults and pageToken.

Buckets exist on first use. Requests may be anonymous (emulator style) unless the bucket was registered with
POST /_fake/gcs/buckets {"name": B, "requireAuth": true}; a bearer token that is present must be valid.
"""
import base64
import hashlib
import json
import re
import secrets
import time
from urllib.parse import quote, unquote

from crc32c import crc32c
from fakebase import CONFIG, LOCK, Reply, gcs_error, json_reply, route
from faketokens import check_bearer

OBJECTS = {}  # (bucket, name) -> {"data", "generation", "metageneration", "contentType", "metadata", "updated"}
SESSIONS = {}  # upload id -> session dict
AUTH_BUCKETS = set()
GENERATION = [1000]
CHUNK = 256 * 1024


def next_generation():
    GENERATION[0] += 1
    return GENERATION[0]


def b64_crc(data):
    return base64.b64encode(crc32c(data).to_bytes(4, "big")).decode()


def b64_md5(data):
    return base64.b64encode(hashlib.md5(data).digest()).decode()


def object_json(bucket, name):
    entry = OBJECTS[(bucket, name)]
    body = {"kind": "storage#object", "bucket": bucket, "name": name, "id": "%s/%s/%d" % (bucket, name, entry["generation"]),
            "generation": str(entry["generation"]), "metageneration": str(entry["metageneration"]),
            "size": str(len(entry["data"])), "contentType": entry["contentType"], "crc32c": entry["crc32c"],
            "md5Hash": entry["md5Hash"], "updated": entry["updated"], "storageClass": "STANDARD"}
    if entry["metadata"]:
        body["metadata"] = entry["metadata"]
    return body


@route("POST", "/_fake/gcs/buckets")
def register_bucket(request):
    body = request.json()
    with LOCK:
        if body.get("requireAuth"):
            AUTH_BUCKETS.add(body["name"])
    return json_reply(200, {})


def denied(request, bucket):
    if "authorization" in request.headers or bucket in AUTH_BUCKETS:
        ok, reason = check_bearer(request)
        if not ok:
            return gcs_error(401, "Invalid Credentials (%s)" % reason, "authError")
    return None


def precondition_failure(request, bucket, name):
    live = OBJECTS.get((bucket, name))
    generation = live["generation"] if live else 0
    match = request.query.get("ifGenerationMatch")
    not_match = request.query.get("ifGenerationNotMatch")
    if match is not None and int(match) != generation:
        return gcs_error(412, "At least one of the pre-conditions you specified did not hold.", "conditionNotMet")
    if not_match is not None and int(not_match) == generation:
        return gcs_error(412, "At least one of the pre-conditions you specified did not hold.", "conditionNotMet")
    return None


def store(bucket, name, data, metadata):
    # Checksums are computed once here (pure-Python CRC32C is slow) and served from the entry afterwards.
    sums = {"crc32c": b64_crc(data), "md5Hash": b64_md5(data)}
    for key, value in sums.items():
        if key in metadata and metadata[key] != value:
            return gcs_error(400, "Provided %s \"%s\" doesn't match calculated \"%s\"." % (key, metadata[key], value),
                             "invalid")
    OBJECTS[(bucket, name)] = {"data": bytes(data), "generation": next_generation(), "metageneration": 1,
                               "crc32c": sums["crc32c"], "md5Hash": sums["md5Hash"],
                               "contentType": metadata.get("contentType", "application/octet-stream"),
                               "metadata": metadata.get("metadata") or {},
                               "updated": time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime())}
    return json_reply(200, object_json(bucket, name))


def parse_multipart(request):
    match = re.search(r'boundary="?([^";]+)"?', request.headers.get("content-type", ""))
    if not match:
        return None, None
    delimiter = b"--" + match.group(1).encode()
    parts = request.body.split(delimiter)
    if len(parts) < 4 or not parts[-1].startswith(b"--"):
        return None, None
    sections = []
    for part in parts[1:3]:
        head, _, content = part.partition(b"\r\n\r\n")
        if not content.endswith(b"\r\n"):
            return None, None
        sections.append(content[:-2])
    try:
        return json.loads(sections[0]), sections[1]
    except ValueError:
        return None, None


@route("POST", r"/upload/storage/v1/b/([^/]+)/o")
def insert(request, bucket):
    failure = denied(request, bucket)
    if failure:
        return failure
    kind = request.query.get("uploadType")
    with LOCK:
        if kind == "multipart":
            metadata, data = parse_multipart(request)
            if metadata is None or not metadata.get("name"):
                return gcs_error(400, "Malformed multipart body.", "invalid")
            return precondition_failure(request, bucket, metadata["name"]) or store(bucket, metadata["name"], data,
                                                                                    metadata)
        if kind == "media":
            name = request.query.get("name", "")
            return precondition_failure(request, bucket, name) or store(
                bucket, name, request.body, {"contentType": request.headers.get("content-type")})
        if kind == "resumable":
            metadata = request.json() or {}
            name = request.query.get("name") or metadata.get("name", "")
            failure = precondition_failure(request, bucket, name)
            if failure:
                return failure
            upload_id = secrets.token_urlsafe(16)
            SESSIONS[upload_id] = {"bucket": bucket, "name": name, "metadata": metadata, "data": bytearray(),
                                   "query": dict(request.query), "done": False}
            location = "%s/upload/storage/v1/b/%s/o?uploadType=resumable&upload_id=%s" % (
                CONFIG["baseURL"], quote(bucket, safe=""), upload_id)
            return Reply(200, b"", {"Location": location})
    return gcs_error(400, "Unknown uploadType.", "invalid")


@route("PUT", r"/upload/storage/v1/b/([^/]+)/o")
def resume(request, bucket):
    failure = denied(request, bucket)
    if failure:
        return failure
    with LOCK:
        session = SESSIONS.get(request.query.get("upload_id", ""))
        if session is None:
            return gcs_error(404, "No such upload session.", "notFound")
        if session["done"]:
            return json_reply(200, object_json(session["bucket"], session["name"]))
        match = re.match(r"^bytes (\*|(\d+)-(\d+))/(\*|\d+)$", request.headers.get("content-range", ""))
        if not match:
            return gcs_error(400, "Bad Content-Range.", "invalid")
        total = None if match.group(4) == "*" else int(match.group(4))
        data = session["data"]
        if match.group(1) != "*":
            first, last = int(match.group(2)), int(match.group(3))
            if first > len(data) or last - first + 1 != len(request.body):
                return gcs_error(400, "Content-Range does not match the persisted data or the body.", "invalid")
            final = total is not None and last + 1 == total
            if not final and len(request.body) % CHUNK:
                return gcs_error(400, "Non-final chunks must be a multiple of 256 KiB.", "invalid")
            data.extend(request.body[len(data) - first:])
        if total is not None and len(data) == total:
            # Preconditions are checked again when the upload completes (someone may have written meanwhile).
            request.query = session["query"]
            failure = precondition_failure(request, session["bucket"], session["name"])
            if failure:
                return failure
            reply = store(session["bucket"], session["name"], data, session["metadata"])
            session["done"] = reply.status == 200
            return reply
        headers = {"Range": "bytes=0-%d" % (len(data) - 1)} if data else {}
        return Reply(308, b"", headers)


@route("DELETE", r"/upload/storage/v1/b/([^/]+)/o")
def cancel_upload(request, bucket):
    with LOCK:
        SESSIONS.pop(request.query.get("upload_id", ""), None)
    return Reply(499, b"")


@route("GET", r"/storage/v1/b/([^/]+)/o/([^/]+)")
def get_object(request, bucket, encoded):
    failure = denied(request, bucket)
    if failure:
        return failure
    name = unquote(encoded)
    with LOCK:
        entry = OBJECTS.get((bucket, name))
        wanted = request.query.get("generation")
        if entry is None or (wanted and int(wanted) != entry["generation"]):
            return gcs_error(404, "No such object: %s/%s" % (bucket, name), "notFound")
        failure = precondition_failure(request, bucket, name)
        if failure:
            return failure
        if request.query.get("alt") == "media":
            data = entry["data"]
            return Reply(200, data, {"x-goog-hash": "crc32c=%s,md5=%s" % (entry["crc32c"], entry["md5Hash"]),
                                     "x-goog-generation": str(entry["generation"]),
                                     "x-goog-metageneration": "1"}, entry["contentType"])
        return json_reply(200, object_json(bucket, name))


@route("DELETE", r"/storage/v1/b/([^/]+)/o/([^/]+)")
def delete_object(request, bucket, encoded):
    failure = denied(request, bucket)
    if failure:
        return failure
    name = unquote(encoded)
    with LOCK:
        if (bucket, name) not in OBJECTS:
            return gcs_error(404, "No such object: %s/%s" % (bucket, name), "notFound")
        failure = precondition_failure(request, bucket, name)
        if failure:
            return failure
        del OBJECTS[(bucket, name)]
        return Reply(204, b"")


@route("GET", r"/storage/v1/b/([^/]+)/o")
def list_objects(request, bucket):
    failure = denied(request, bucket)
    if failure:
        return failure
    prefix = request.query.get("prefix", "")
    delimiter = request.query.get("delimiter")
    size = int(request.query.get("maxResults") or 1000)
    start = request.query.get("pageToken", "")
    with LOCK:
        names = sorted(n for (b, n) in OBJECTS if b == bucket and n.startswith(prefix) and n > start)
        items, prefixes, last = [], set(), None
        for name in names:
            if len(items) + len(prefixes) >= size:
                break
            rest = name[len(prefix):]
            if delimiter and delimiter in rest:
                common = prefix + rest.split(delimiter)[0] + delimiter
                if common not in prefixes:
                    prefixes.add(common)
                last = common + "\uffff"
                continue
            items.append(object_json(bucket, name))
            last = name
        body = {"kind": "storage#objects"}
        if items:
            body["items"] = items
        if prefixes:
            body["prefixes"] = sorted(prefixes)
        if last is not None and any(n > last for n in names):
            body["nextPageToken"] = last
        return json_reply(200, body)
