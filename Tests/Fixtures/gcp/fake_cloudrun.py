"""Fake Cloud Run Admin API v2: jobs, executions (a deterministic state machine) and operations.

Jobs are created with POST /_fake/run/jobs {"name": "projects/P/locations/L/jobs/J", "taskCount": 2,
"env": {"K": "V"}}; unknown jobs are 404. Every API call needs a bearer token.

An execution advances one step each time it (or its operation) is read:
  step 0 created (no startTime) -> step 1 started, every task running -> step 1 + FAKE_POLLS: finished.
The container environment (job env merged with the run's overrides) steers the outcome:
  FAKE_POLLS=n (default 1), FAKE_FAILED_TASKS=k (k tasks fail), FAKE_HANG=1 (never finishes; cancel it).
:cancel finishes a running execution as cancelled (cancelledCount = unfinished tasks).
"""
import re
import secrets
import time

from fakebase import LOCK, google_error, json_reply, route
from faketokens import require_auth

JOBS = {}
EXECUTIONS = {}  # name -> state dict
OPERATIONS = {}  # name -> execution name
EXECUTION_TYPE = "type.googleapis.com/google.cloud.run.v2.Execution"


def stamp(offset=0):
    return time.strftime("%Y-%m-%dT%H:%M:%S.123456Z", time.gmtime(time.time() + offset))


def guarded(function):
    def wrapper(request, *groups):
        return require_auth(request) or function(request, *groups)
    return wrapper


@route("POST", "/_fake/run/jobs")
def create_job(request):
    job = request.json()
    with LOCK:
        JOBS[job["name"]] = {"taskCount": job.get("taskCount", 1), "env": job.get("env", {}), "args": []}
    return json_reply(200, {})


def advance(execution):
    """One state-machine step; finished executions stay as they are."""
    if execution["completionTime"] or execution["hang"] and execution["step"] >= 1:
        return
    execution["step"] += 1
    count = execution["taskCount"]
    if execution["step"] == 1:
        execution["startTime"] = stamp()
        execution["runningCount"] = count
    elif execution["step"] > execution["polls"]:
        failed = min(count, execution["failTasks"])
        execution.update(runningCount=0, failedCount=failed, succeededCount=count - failed, completionTime=stamp())
        if failed:
            execution["conditions"].append({
                "type": "Completed", "state": "CONDITION_FAILED", "executionReason": "NON_ZERO_EXIT_CODE",
                "message": "Task %s-task0 failed with exit code 1 and reached the maximum of 0 retries."
                           % execution["name"].split("/")[-1], "lastTransitionTime": stamp(), "severity": "ERROR"})
        else:
            execution["conditions"].append({"type": "Completed", "state": "CONDITION_SUCCEEDED",
                                            "message": "Execution completed successfully.",
                                            "lastTransitionTime": stamp()})


def execution_json(execution):
    body = {key: execution[key] for key in ("name", "uid", "job", "createTime", "taskCount", "parallelism", "template",
                                            "conditions", "logUri", "etag")}
    body["generation"] = "1"
    for key in ("startTime", "completionTime"):
        if execution[key]:
            body[key] = execution[key]
    for key in ("runningCount", "succeededCount", "failedCount", "cancelledCount"):
        if execution[key]:  # proto3 JSON omits zero counts
            body[key] = execution[key]
    body["unknownFutureField"] = {"tolerated": True}
    return body


def operation_json(name):
    execution = EXECUTIONS[OPERATIONS[name]]
    body = {"name": name, "metadata": dict(execution_json(execution), **{"@type": EXECUTION_TYPE})}
    if execution["completionTime"]:
        body["done"] = True
        body["response"] = dict(execution_json(execution), **{"@type": EXECUTION_TYPE})
    return body


def new_operation(project, location, execution_name):
    name = "projects/%s/locations/%s/operations/%s" % (project, location, secrets.token_hex(8))
    OPERATIONS[name] = execution_name
    return name


@route("POST", r"/v2/projects/([^/]+)/locations/([^/]+)/jobs/([^/:]+):run")
@guarded
def run_job(request, project, location, job_id):
    name = "projects/%s/locations/%s/jobs/%s" % (project, location, job_id)
    body = request.json()
    if body is None:
        return google_error(400, "Invalid JSON payload received.", "INVALID_ARGUMENT")
    overrides = body.get("overrides") or {}
    task_count = overrides.get("taskCount")
    timeout = overrides.get("timeout")
    if task_count is not None and (not isinstance(task_count, int) or task_count < 1):
        return google_error(400, "taskCount must be positive.", "INVALID_ARGUMENT")
    if timeout is not None and not re.match(r"^\d+(\.\d+)?s$", timeout):
        return google_error(400, "Invalid value at 'overrides.timeout'.", "INVALID_ARGUMENT")
    with LOCK:
        job = JOBS.get(name)
        if job is None:
            return google_error(404, "Resource '%s' was not found" % job_id, "NOT_FOUND")
        env = dict(job["env"])
        args = job["args"]
        for container in overrides.get("containerOverrides", []):
            env.update({item["name"]: item.get("value", "") for item in container.get("env", [])})
            if container.get("clearArgs"):
                args = []
            elif "args" in container:
                args = container["args"]
        count = task_count or job["taskCount"]
        short = "%s-%s" % (job_id, secrets.token_hex(3)[:5])
        execution = {
            "name": "%s/executions/%s" % (name, short), "uid": secrets.token_hex(8), "job": job_id,
            "createTime": stamp(), "taskCount": count, "parallelism": count, "step": 0,
            "template": {"containers": [{"image": "fake", "args": args,
                                          "env": [{"name": k, "value": v} for k, v in sorted(env.items())]}],
                         "timeout": timeout or "600s", "maxRetries": 0},
            "conditions": [], "logUri": "https://console.cloud.google.com/logs/fake", "etag": '"1"',
            "startTime": None, "completionTime": None, "runningCount": 0, "succeededCount": 0, "failedCount": 0,
            "cancelledCount": 0, "polls": int(env.get("FAKE_POLLS", "1")),
            "failTasks": int(env.get("FAKE_FAILED_TASKS", "0")), "hang": env.get("FAKE_HANG") == "1",
            "created": time.time()}
        EXECUTIONS[execution["name"]] = execution
        operation = new_operation(project, location, execution["name"])
        return json_reply(200, operation_json(operation))


@route("GET", r"/v2/(projects/[^/]+/locations/[^/]+/operations/[^/:]+)")
@guarded
def get_operation(request, name):
    with LOCK:
        if name not in OPERATIONS:
            return google_error(404, "Operation %s not found." % name, "NOT_FOUND")
        advance(EXECUTIONS[OPERATIONS[name]])
        return json_reply(200, operation_json(name))


@route("GET", r"/v2/(projects/[^/]+/locations/[^/]+/jobs/[^/]+/executions/[^/:]+)")
@guarded
def get_execution(request, name):
    with LOCK:
        execution = EXECUTIONS.get(name)
        if execution is None:
            return google_error(404, "Execution %s not found." % name.split("/")[-1], "NOT_FOUND")
        advance(execution)
        return json_reply(200, execution_json(execution))


@route("GET", r"/v2/(projects/[^/]+/locations/[^/]+/jobs/[^/:]+)/executions")
@guarded
def list_executions(request, job):
    size = int(request.query.get("pageSize") or 2)
    start = int(request.query.get("pageToken") or 0)
    with LOCK:
        if job not in JOBS:
            return google_error(404, "Resource '%s' was not found" % job.split("/")[-1], "NOT_FOUND")
        mine = sorted((e for e in EXECUTIONS.values() if e["name"].startswith(job + "/executions/")),
                      key=lambda e: e["created"], reverse=True)
        body = {"executions": [execution_json(e) for e in mine[start:start + size]]}
        if start + size < len(mine):
            body["nextPageToken"] = str(start + size)
        return json_reply(200, body)


@route("POST", r"/v2/(projects/([^/]+)/locations/([^/]+)/jobs/[^/]+/executions/[^/:]+):cancel")
@guarded
def cancel_execution(request, name, project, location):
    with LOCK:
        execution = EXECUTIONS.get(name)
        if execution is None:
            return google_error(404, "Execution %s not found." % name.split("/")[-1], "NOT_FOUND")
        if execution["completionTime"]:
            return google_error(400, "Execution %s is already finished." % name.split("/")[-1],
                                "FAILED_PRECONDITION")
        done = execution["succeededCount"] + execution["failedCount"]
        execution.update(cancelledCount=execution["taskCount"] - done, runningCount=0, completionTime=stamp())
        execution["conditions"].append({"type": "Completed", "state": "CONDITION_FAILED",
                                        "executionReason": "CANCELLED", "message": "Execution was cancelled.",
                                        "lastTransitionTime": stamp()})
        return json_reply(200, operation_json(new_operation(project, location, name)))
