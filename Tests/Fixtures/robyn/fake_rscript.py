#!/usr/bin/env python3
"""A fake `Rscript` that plays r/run_all.R's part, for testing the Swift Robyn backend without R.

Called as `fake_rscript.py <path of run_all.R> (--probe | RUN_DIR)`. FAKE_R_MODE picks the behaviour:
  succeed (default)  reads RUN_DIR/job_config.json and prepared_data.csv, prints @mmm progress and diagnostics and
                     plain output, writes Robyn-named CSVs, model_summary.json (echoing the config verbatim) and
                     status.json, and records what it was given in fake_rscript_call.json
  fail               writes status.json FAILED (robyn_run) and exits 1
  hang               starts a child in its process group (like R's forked workers), writes both pids to
                     FAKE_R_PIDFILE, then sleeps until killed
  bad_summary        writes a model_summary.json with a key the schema does not allow
  missing_robyn      answers the probe (and runs) like R without the Robyn package: exit 3
"""
import csv
import datetime
import json
import os
import subprocess
import sys
import time


def emit(**fields):
    print("@mmm " + json.dumps(fields), flush=True)


def now():
    return datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def write_json(path, value):
    with open(path, "w") as f:
        json.dump(value, f, indent=1)


def main():
    mode = os.environ.get("FAKE_R_MODE", "succeed")
    script, target = sys.argv[1], sys.argv[2]
    if not script.endswith("run_all.R"):
        print("fake_rscript: expected r/run_all.R, got " + script, file=sys.stderr)
        return 2
    if mode == "missing_robyn":
        emit(event="error", step="load_robyn", code="robyn_missing",
             message="the R package Robyn is not installed for /fake/Rscript - install it (r/README.md)")
        return 3
    if target == "--probe":
        emit(event="probe", r_version="4.2.2", robyn_version="3.12.1-fake", cores=1)
        return 0

    run_id = os.environ.get("MMM_RUN_ID", os.path.basename(target))
    started = now()
    status = {"schema_version": 1, "state": "RUNNING", "run_id": run_id, "started_at": started, "updated_at": started,
              "engine": {"name": "robyn", "version": "3.12.1-fake"}}
    write_json(os.path.join(target, "status.json"), status)
    with open(os.path.join(target, "job_config.json")) as f:
        raw = f.read()
    config = json.loads(raw)
    with open(os.path.join(target, "prepared_data.csv")) as f:
        rows = list(csv.reader(f))
    write_json(os.path.join(target, "fake_rscript_call.json"), {
        "script": script, "run_dir": target, "cores": os.environ.get("MMM_R_CORES"), "run_id": run_id,
        "config": config, "header": rows[0], "rows": len(rows) - 1, "first_date": rows[1][0]})

    total = config["iterations"] * config["trials"]
    emit(event="progress", done=0, total=total)
    print("Loading required package: Robyn", file=sys.stderr, flush=True)
    print("  |=====          |  33%", flush=True)

    if mode == "hang":
        child = subprocess.Popen(["sleep", "600"])
        with open(os.environ["FAKE_R_PIDFILE"] + ".tmp", "w") as f:
            f.write("%d %d\n" % (os.getpid(), child.pid))
        os.rename(os.environ["FAKE_R_PIDFILE"] + ".tmp", os.environ["FAKE_R_PIDFILE"])
        while True:
            time.sleep(1)

    if mode == "fail":
        emit(event="error", step="robyn_run", code="robyn_failed", message="You must have nevergrad python library installed.")
        status.update(state="FAILED", updated_at=now(), finished_at=now(), duration_seconds=0.5, failed_step="robyn_run",
                      message="You must have nevergrad python library installed.")
        write_json(os.path.join(target, "status.json"), status)
        return 1

    for trial in range(1, config["trials"] + 1):
        emit(event="diagnostic", severity="info", code="robyn_message", message="Running trial %d of %d" % (trial, config["trials"]),
             step="robyn_run")
        emit(event="progress", done=trial * config["iterations"], total=total)
    emit(event="diagnostic", severity="warning", code="robyn_warning",
         message="We recommend to run at least 2000 iterations per trial", step="robyn_run")

    paid = [p.get("var", p["spend"]) for p in config["paid_media"]]
    spend_of = {p.get("var", p["spend"]): p["spend"] for p in config["paid_media"]}
    models = ["1_%d_1" % i for i in range(1, 4)]
    with open(os.path.join(target, "pareto_hyperparameters.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["", "solID", "nrmse", "decomp.rssd", "robynPareto"])
        for i, m in enumerate(models):
            w.writerow([i + 1, m, 0.1 + i / 100, 0.2 - i / 100, 1])
    with open(os.path.join(target, "pareto_aggregated.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["", "rn", "coef", "solID"])
        for i, v in enumerate(["(Intercept)"] + paid):
            w.writerow([i + 1, v, 0.5, models[0]])
    with open(os.path.join(target, "all_aggregated.csv"), "w", newline="") as f:
        f.write('"","rn","coef","solID"\n' + "".join('%d,"x",1,"%s"\n' % (i, m) for i, m in enumerate(models)))
    with open(os.path.join(target, "RobynModel-%s.json" % models[0]), "w") as f:
        f.write("{}\n")

    metrics = [{"model_id": m, "nrmse": 0.1 + i / 100, "decomp_rssd": 0.2 - i / 100, "mape": 0, "pareto_front": 1,
                "cluster": i + 1, "rsq_val": None} for i, m in enumerate(models)]
    decomposition = [{"variable": "(Intercept)", "role": "intercept", "coefficient": 0.5}] + [
        {"variable": v, "role": "paid_media", "spend_column": spend_of[v], "coefficient": 0.5, "roi": 1.5} for v in paid]
    summary_text = (
        '{"schema_version": 1, "run_id": %s, "engine": {"name": "robyn", "version": "3.12.1-fake"}, "config": %s, '
        '"candidate_count": %d, "pareto_model_count": 3, "pareto_models": %s, "best_model": %s, '
        '"best_model_rule": "fake: the first model", "decomposition": %s, "timings": {"robyn_run": 1.25, "robyn_inputs": 0.5}%s}'
        % (json.dumps(run_id), raw, total, json.dumps(metrics), json.dumps(metrics[0]), json.dumps(decomposition),
           ', "surprise": 1' if mode == "bad_summary" else ""))
    with open(os.path.join(target, "model_summary.json"), "w") as f:
        f.write(summary_text + "\n")
    status.update(state="SUCCEEDED", updated_at=now(), finished_at=now(), duration_seconds=1.0,
                  message="best model " + models[0])
    write_json(os.path.join(target, "status.json"), status)
    return 0


if __name__ == "__main__":
    sys.exit(main())
