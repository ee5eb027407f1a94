# The web app and REST API (`mmm-cli serve`, docs/serve.md) as a Cloud Run service: it signs users in with Google,
# submits runs to the `web` queue under gs://BUCKET/queues and reads run folders from gs://BUCKET/runs. Training
# happens in the worker job: run `mmm-cli queue process --queue web --backend cloudrun --loop` as the processor
# (docs/deployment.md). Created only when var.web_oauth_client_id is set.

locals {
  web_enabled = var.web_oauth_client_id != null
}

# Its own identity: objects in the bucket, the two web secrets, nothing else.
resource "google_service_account" "web" {
  count        = local.web_enabled ? 1 : 0
  account_id   = "${var.name}-web"
  display_name = "mmm-cli serve (Cloud Run service)"
}

resource "google_storage_bucket_iam_member" "web_objects" {
  count  = local.web_enabled ? 1 : 0
  bucket = google_storage_bucket.main.name
  role   = "roles/storage.objectUser"
  member = "serviceAccount:${google_service_account.web[0].email}"
}

# The OAuth client secret and the session-cookie key. Terraform creates the secrets only; add their versions with
# `gcloud secrets versions add` (docs/serve.md), so neither value enters the Terraform state.
resource "google_secret_manager_secret" "web" {
  for_each  = local.web_enabled ? toset(["oauth-client-secret", "session-key"]) : toset([])
  secret_id = "${var.name}-web-${each.value}"
  replication {
    auto {}
  }
  depends_on = [google_project_service.apis]
}

resource "google_secret_manager_secret_iam_member" "web" {
  for_each  = google_secret_manager_secret.web
  secret_id = each.value.id
  role      = "roles/secretmanager.secretAccessor"
  member    = "serviceAccount:${google_service_account.web[0].email}"
}

resource "google_cloud_run_v2_service" "web" {
  # checkov:skip=CKV_GCP_102: users reach the app from browsers; it admits only Google-signed-in members of
  # var.web_allowed_domains itself (ID tokens, PKCE code flow), so Cloud Run's IAM gate stays open (see below)
  count               = local.web_enabled ? 1 : 0
  name                = "${var.name}-web"
  location            = var.region
  ingress             = "INGRESS_TRAFFIC_ALL"
  deletion_protection = false

  template {
    service_account                  = google_service_account.web[0].email
    max_instance_request_concurrency = 200
    # One instance: the server keeps sign-in flows and dev links in memory and follows its submitted runs.
    scaling {
      min_instance_count = 0
      max_instance_count = 1
    }
    containers {
      image = var.image
      # Uploads and datasets go to serve's default work folder, `.mmm-serve` in the image's working directory (the
      # home of its user, so writable); runs and the queue live in the bucket.
      args = concat([
        "serve", "--host", "0.0.0.0", "--port", "8080",
        "--store", "gs://${google_storage_bucket.main.name}/runs",
        "--queue-root", "gs://${google_storage_bucket.main.name}/queues", "--queue", "web",
        "--oidc-issuer", "https://accounts.google.com",
        "--audience", var.web_oauth_client_id,
        "--allowed-domains", join(",", var.web_allowed_domains),
        "--oauth-client-id", var.web_oauth_client_id,
        "--oauth-client-secret-secret", "${google_secret_manager_secret.web["oauth-client-secret"].id}/versions/latest",
        "--session-key-secret", "${google_secret_manager_secret.web["session-key"].id}/versions/latest",
      ], var.web_public_url == null ? [] : ["--public-url", var.web_public_url])
      ports {
        container_port = 8080
      }
      resources {
        limits = {
          cpu    = var.web_cpu
          memory = var.web_memory
        }
      }
      env {
        name  = "GOOGLE_CLOUD_PROJECT"
        value = var.project_id
      }
      startup_probe {
        http_get {
          path = "/healthz"
        }
      }
      liveness_probe {
        http_get {
          path = "/healthz"
        }
      }
    }
  }

  depends_on = [google_secret_manager_secret_iam_member.web, google_storage_bucket_iam_member.web_objects]
}

# Browsers carry no Google-signed identity token for Cloud Run's IAM check, so the service is invocable by anyone
# and the app does the sign-in (only /healthz and /metrics answer without it; set --metrics-token-file to close
# /metrics). Put Identity-Aware Proxy in front instead if the organisation requires it.
resource "google_cloud_run_v2_service_iam_member" "web_public" {
  # checkov:skip=CKV_GCP_102: see above: the application authenticates every request but /healthz and /metrics
  count    = local.web_enabled ? 1 : 0
  name     = google_cloud_run_v2_service.web[0].name
  location = google_cloud_run_v2_service.web[0].location
  role     = "roles/run.invoker"
  member   = "allUsers"
}
