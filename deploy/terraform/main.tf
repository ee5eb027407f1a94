locals {
  bucket_name = coalesce(var.bucket_name, "${var.project_id}-${var.name}")
  apis = [
    "artifactregistry.googleapis.com",
    "iam.googleapis.com",
    "run.googleapis.com",
    "secretmanager.googleapis.com",
    "storage.googleapis.com",
  ]
}

resource "google_project_service" "apis" {
  for_each           = var.enable_apis ? toset(local.apis) : toset([])
  service            = each.value
  disable_on_destroy = false
}

# Data, queues and run folders. Uniform access, no public access, object versions kept a week (the queue's
# compare-and-swap writes make many generations; old ones are noise after that).
resource "google_storage_bucket" "main" {
  # checkov:skip=CKV_GCP_62: access is audited with Cloud Audit Logs (enable Data Access logs for Cloud Storage if
  # required); usage logs to a second bucket add cost without adding the caller's identity
  name                        = local.bucket_name
  location                    = var.region
  storage_class               = "STANDARD"
  uniform_bucket_level_access = true
  public_access_prevention    = "enforced"
  force_destroy               = false

  versioning {
    enabled = true
  }

  lifecycle_rule {
    condition {
      age            = var.runs_nearline_days
      matches_prefix = ["runs/", "benchmarks/"]
    }
    action {
      type          = "SetStorageClass"
      storage_class = "NEARLINE"
    }
  }

  lifecycle_rule {
    condition {
      age            = var.runs_coldline_days
      matches_prefix = ["runs/", "benchmarks/"]
    }
    action {
      type          = "SetStorageClass"
      storage_class = "COLDLINE"
    }
  }

  lifecycle_rule {
    condition {
      age            = var.queue_retention_days
      matches_prefix = ["queues/"]
    }
    action {
      type = "Delete"
    }
  }

  lifecycle_rule {
    condition {
      days_since_noncurrent_time = 7
      with_state                 = "ARCHIVED"
    }
    action {
      type = "Delete"
    }
  }

  depends_on = [google_project_service.apis]
}

# Worker images; only the ten newest tagged versions are kept.
resource "google_artifact_registry_repository" "images" {
  # checkov:skip=CKV_GCP_84: images hold no data or secrets; Google-managed encryption (add kms_key_name for CMEK)
  location      = var.region
  repository_id = var.name
  format        = "DOCKER"
  description   = "mmm-cli worker images"

  cleanup_policy_dry_run = false
  cleanup_policies {
    id     = "keep-newest-10"
    action = "KEEP"
    most_recent_versions {
      keep_count = 10
    }
  }
  cleanup_policies {
    id     = "delete-old"
    action = "DELETE"
    condition {
      older_than = "2592000s"
    }
  }

  depends_on = [google_project_service.apis]
}

# The Snowflake private key (PEM). Terraform creates the secret only; its versions are added with
# `mmm-cli secrets save-key`, so the key never enters the Terraform state.
resource "google_secret_manager_secret" "snowflake_key" {
  secret_id = var.snowflake_secret_id
  replication {
    auto {}
  }
  depends_on = [google_project_service.apis]
}

# The worker: one task per execution, no Cloud Run retries (the queue retries crashed attempts itself, with a
# bounded count, so a retry never runs behind the queue's back).
resource "google_cloud_run_v2_job" "worker" {
  name                = "${var.name}-worker"
  location            = var.region
  deletion_protection = false

  template {
    task_count  = 1
    parallelism = 1
    template {
      service_account = google_service_account.worker.email
      timeout         = "${var.job_timeout_seconds}s"
      max_retries     = 0
      containers {
        image = var.image
        args  = ["worker"]
        resources {
          limits = {
            cpu    = var.job_cpu
            memory = var.job_memory
          }
        }
        env {
          name  = "GOOGLE_CLOUD_PROJECT"
          value = var.project_id
        }
      }
    }
  }

  depends_on = [google_project_service.apis]
}
