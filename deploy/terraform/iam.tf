# Least privilege: two service accounts, each with what it needs on the resources it uses, nothing project-wide.

# Runs inside the Cloud Run job: reads configs and data, writes run folders and its job's queue object.
resource "google_service_account" "worker" {
  account_id   = "${var.name}-worker"
  display_name = "mmm-cli worker (Cloud Run job)"
}

# Submits jobs and processes queues with `--backend cloudrun` (a VM, CI, or a person impersonating it): writes
# queue objects, reads run folders' status, starts, follows and cancels executions of the worker job.
resource "google_service_account" "processor" {
  account_id   = "${var.name}-processor"
  display_name = "mmm-cli queue processor"
}

resource "google_storage_bucket_iam_member" "worker_objects" {
  bucket = google_storage_bucket.main.name
  role   = "roles/storage.objectUser"
  member = "serviceAccount:${google_service_account.worker.email}"
}

resource "google_storage_bucket_iam_member" "processor_objects" {
  for_each = toset(concat(["serviceAccount:${google_service_account.processor.email}"], var.processor_members))
  bucket   = google_storage_bucket.main.name
  role     = "roles/storage.objectUser"
  member   = each.value
}

resource "google_secret_manager_secret_iam_member" "worker_key" {
  secret_id = google_secret_manager_secret.snowflake_key.id
  role      = "roles/secretmanager.secretAccessor"
  member    = "serviceAccount:${google_service_account.worker.email}"
}

# Exactly what `queue process --backend cloudrun` calls: run with overrides (the job's reference and config path
# travel as environment overrides), read and list executions (following them; finding one after an ambiguous run),
# cancel them (a cancelled or timed-out job). Granted on the worker job only. (roles/run.developer on the job
# would also do, with more than is needed.)
resource "google_project_iam_custom_role" "queue_processor" {
  role_id     = replace("${var.name}_queue_processor", "-", "_")
  title       = "mmm queue processor"
  description = "Run the worker job with overrides, follow and cancel its executions."
  permissions = [
    "run.executions.cancel",
    "run.executions.get",
    "run.executions.list",
    "run.jobs.run",
    "run.jobs.runWithOverrides",
  ]
}

resource "google_cloud_run_v2_job_iam_member" "processor_run" {
  for_each = toset(concat(["serviceAccount:${google_service_account.processor.email}"], var.processor_members))
  name     = google_cloud_run_v2_job.worker.name
  location = google_cloud_run_v2_job.worker.location
  role     = google_project_iam_custom_role.queue_processor.id
  member   = each.value
}

# Cloud Run pulls the image with the worker's identity.
resource "google_artifact_registry_repository_iam_member" "worker_pull" {
  location   = google_artifact_registry_repository.images.location
  repository = google_artifact_registry_repository.images.name
  role       = "roles/artifactregistry.reader"
  member     = "serviceAccount:${google_service_account.worker.email}"
}
