//! Serve: the paste-a-posting web page and its JSON API, on axum.
//!
//! `GET /` is one page (embedded in the binary, no external requests). `GET /api/resume`
//! describes the loaded résumé, `POST /api/resume` shows how an uploaded one is read,
//! `POST /api/match` scores a posting and `POST /api/tailor`
//! returns a tailored résumé file. Request bodies are limited to [`BODY_LIMIT`]; scoring runs
//! on blocking threads, at most one per core at a time, so a burst of requests queues instead
//! of starving the server. Every error is a JSON `{"error": "…"}` with a 4xx/5xx status.

use crate::choice::Choice;
use crate::model::{MatchReport, ResumeView};
use crate::parse;
use crate::pipeline::{self, safe_stem, Matched, ResumeOptions};
use crate::render::ResumeFormat;
use crate::score::PreparedResume;
use crate::tailor::TailorOptions;
use axum::extract::rejection::JsonRejection;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::{Deserialize, Serialize};
use std::future::Future;
use std::path::Path;
use std::sync::{Arc, Mutex};
use tokio::sync::Semaphore;

/// The largest request body accepted (a posting plus a résumé), in bytes.
pub const BODY_LIMIT: usize = 2 * 1024 * 1024;

/// Requests handled at once, counted from when a request's body has arrived whole; more are
/// answered 503 at once.
pub const MAX_IN_FLIGHT: usize = 64;

/// Connections open at once; one more is answered 503 and closed. Each may hold a body of up
/// to [`BODY_LIMIT`] while it arrives, so this bounds the memory clients can take (128 × 2 MiB)
/// and keeps the server well within its file descriptors.
pub const MAX_CONNECTIONS: usize = 128;

/// How long a client may take to send a request's headers, counted from when the server
/// starts waiting for them: an idle kept-alive connection is closed after it too.
pub const HEADER_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(10);

/// How long a client may take to send a request's body once its headers are in.
pub const BODY_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(30);

/// How long open connections are given to finish once the server is asked to stop; then it
/// stops anyway, whatever clients do.
pub const SHUTDOWN_GRACE: std::time::Duration = std::time::Duration::from_secs(3);

/// Uploaded résumés kept ready (parsed and indexed), most recent first.
const UPLOAD_CACHE: usize = 4;

/// The page, embedded.
const INDEX_HTML: &str = include_str!("../assets/index.html");

/// The page may run its own inline script and style and talk to this server, nothing else.
const PAGE_CSP: &str = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; img-src 'self' data: blob:; frame-src 'self' data: blob:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/// A résumé ready to score against.
struct Loaded {
    name: String,
    prepared: PreparedResume,
    /// What was read (the page shows it once the résumé is loaded).
    view: Option<ResumeView>,
}

/// What the server holds: the résumé given at start-up, recent uploads, and the analyzer.
pub struct AppState {
    default: Option<Arc<Loaded>>,
    uploads: Mutex<Vec<(String, Arc<Loaded>)>>,
    /// How uploads are prepared (the analyzer built once, the month "present" means).
    options: ResumeOptions,
    /// Bounds concurrent scoring to the cores.
    workers: Arc<Semaphore>,
}

impl AppState {
    /// State for a server with `default` as the résumé at start-up (named `name`, with the
    /// view of what was read from it), if any; uploads are prepared with `options` (always
    /// in RAM).
    pub fn new(
        default: Option<(String, PreparedResume, Option<ResumeView>)>,
        options: ResumeOptions,
    ) -> AppState {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        AppState {
            default: default.map(|(name, prepared, view)| {
                Arc::new(Loaded {
                    name,
                    prepared,
                    view,
                })
            }),
            uploads: Mutex::new(Vec::new()),
            options: ResumeOptions {
                index_dir: None,
                ..options
            },
            workers: Arc::new(Semaphore::new(cores)),
        }
    }
}

/// An error answer: a status and a message, sent as JSON.
#[derive(Debug)]
pub struct ApiError(StatusCode, String);

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.0, Json(serde_json::json!({ "error": self.1 }))).into_response()
    }
}

impl From<JsonRejection> for ApiError {
    fn from(r: JsonRejection) -> ApiError {
        ApiError(r.status(), r.body_text())
    }
}

fn bad_request(message: impl Into<String>) -> ApiError {
    ApiError(StatusCode::BAD_REQUEST, message.into())
}

/// A résumé sent with a request: its text, or its bytes in base64 (any encoding the command
/// line detects).
#[derive(Debug, Deserialize)]
pub struct ResumeUpload {
    /// The file name (its extension picks the format, as on the command line).
    pub name: String,
    /// The file's text.
    #[serde(default)]
    pub text: Option<String>,
    /// The file's bytes, base64-encoded (standard alphabet).
    #[serde(default)]
    pub data: Option<String>,
}

/// `POST /api/match` and `POST /api/tailor`.
#[derive(Debug, Deserialize)]
pub struct PostingRequest {
    /// The posting's text.
    pub posting: String,
    /// Another résumé than the one loaded at start-up.
    #[serde(default)]
    pub resume: Option<ResumeUpload>,
    /// Output format (`/api/tailor` only; default `md`).
    #[serde(default)]
    pub format: Option<String>,
    /// At most this many bullets (`/api/tailor` only).
    #[serde(default)]
    pub max_bullets: Option<usize>,
}

/// `GET /api/resume`.
#[derive(Debug, Serialize)]
struct ResumeInfo {
    name: String,
    title: Option<String>,
    bullets: usize,
    /// What was read from it, as `POST /api/resume` answers for an upload.
    #[serde(skip_serializing_if = "Option::is_none")]
    view: Option<ResumeView>,
}

/// The router of the app over `state`. With `hosts`, a request whose `Host` header is not
/// one of them is refused (403): a page on another site that rebinds its DNS name to
/// 127.0.0.1 must not be able to read the résumé.
pub fn router(state: Arc<AppState>, hosts: Option<Vec<String>>) -> Router {
    let hosts = Arc::new(hosts);
    let in_flight = Arc::new(Semaphore::new(MAX_IN_FLIGHT));
    Router::new()
        .route("/", get(page))
        .route("/api/resume", get(resume_info).post(view_upload))
        .route("/api/match", post(match_posting))
        .route("/api/tailor", post(tailor_posting))
        .fallback(|| async { ApiError(StatusCode::NOT_FOUND, "no such page".into()) })
        .method_not_allowed_fallback(|| async {
            ApiError(
                StatusCode::METHOD_NOT_ALLOWED,
                "method not allowed: the API takes POST, the page and /api/resume GET".into(),
            )
        })
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(axum::middleware::from_fn(
            move |req: axum::extract::Request, next: axum::middleware::Next| {
                let hosts = hosts.clone();
                let in_flight = in_flight.clone();
                async move {
                    let host = req
                        .headers()
                        .get(header::HOST)
                        .and_then(|h| h.to_str().ok())
                        .unwrap_or("");
                    if let Some(allowed) = hosts.as_ref() {
                        if !allowed.iter().any(|a| a.eq_ignore_ascii_case(host)) {
                            return ApiError(
                                StatusCode::FORBIDDEN,
                                format!("unexpected Host {host:?}: open the address jdfit printed"),
                            )
                            .into_response();
                        }
                    }
                    // The body is read whole (bounded in size and time) before the request
                    // takes a slot: a client that never finishes its body holds none.
                    let req = match whole_body(req).await {
                        Ok(req) => req,
                        Err(e) => return e.into_response(),
                    };
                    let Ok(_slot) = in_flight.try_acquire_owned() else {
                        return ApiError(
                            StatusCode::SERVICE_UNAVAILABLE,
                            "too many requests at once; try again".into(),
                        )
                        .into_response();
                    };
                    next.run(req).await
                }
            },
        ))
        .with_state(state)
}

/// The `Host` values a browser sends for the loopback address `addr` the server listens on:
/// that address itself as printed (`127.0.0.2:8080` too), and the usual loopback names.
pub fn loopback_hosts(addr: std::net::SocketAddr) -> Vec<String> {
    let port = addr.port();
    let mut hosts: Vec<String> = ["127.0.0.1", "localhost", "[::1]"]
        .iter()
        .map(|h| format!("{h}:{port}"))
        .collect();
    if !hosts.contains(&addr.to_string()) {
        hosts.push(addr.to_string());
    }
    hosts
}

/// `req` with its body read whole: at most [`BODY_LIMIT`] bytes (413 beyond) within
/// [`BODY_TIMEOUT`] (408 beyond).
async fn whole_body(req: axum::extract::Request) -> Result<axum::extract::Request, ApiError> {
    let too_large = |what: String| {
        ApiError(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!("{what} is over the {} MiB limit", BODY_LIMIT >> 20),
        )
    };
    let declared = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok()?.parse::<u64>().ok());
    if let Some(len) = declared.filter(|&len| len > BODY_LIMIT as u64) {
        return Err(too_large(format!("request body of {len} bytes")));
    }
    let (parts, body) = req.into_parts();
    match tokio::time::timeout(BODY_TIMEOUT, axum::body::to_bytes(body, BODY_LIMIT)).await {
        Err(_) => Err(ApiError(
            StatusCode::REQUEST_TIMEOUT,
            format!(
                "the request body did not arrive within {} s",
                BODY_TIMEOUT.as_secs()
            ),
        )),
        Ok(Err(e)) => {
            let over = std::iter::successors(Some(&e as &(dyn std::error::Error + 'static)), |e| {
                e.source()
            })
            .any(|e| e.to_string().contains("length limit"));
            if over {
                Err(too_large("the request body".into()))
            } else {
                Err(bad_request(format!(
                    "the request body could not be read: {e}"
                )))
            }
        }
        Ok(Ok(bytes)) => Ok(axum::extract::Request::from_parts(
            parts,
            axum::body::Body::from(bytes),
        )),
    }
}

/// The answer to a connection over [`MAX_CONNECTIONS`], written before closing it.
const BUSY: &[u8] = b"HTTP/1.1 503 Service Unavailable\r\ncontent-type: application/json\r\ncontent-length: 51\r\nconnection: close\r\n\r\n{\"error\":\"too many connections at once; try again\"}";

/// Serves the app on `listener` until `shutdown` completes. On a loopback address only
/// requests for that address are answered (see [`router`]).
///
/// At most [`MAX_CONNECTIONS`] connections are served at once; a client gets
/// [`HEADER_TIMEOUT`] to send each request's headers (an idle connection is closed after
/// it) and [`BODY_TIMEOUT`] for its body. Once `shutdown` completes no connection is
/// accepted, idle ones are closed, and the rest get [`SHUTDOWN_GRACE`] to finish: then this
/// returns, whatever clients do.
pub async fn serve(
    listener: tokio::net::TcpListener,
    state: Arc<AppState>,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    use tokio::io::AsyncWriteExt;
    let addr = listener.local_addr()?;
    let hosts = addr.ip().is_loopback().then(|| loopback_hosts(addr));
    let app = router(state, hosts);
    let slots = Arc::new(Semaphore::new(MAX_CONNECTIONS));
    let (stop_tx, stop_rx) = tokio::sync::watch::channel(false);
    let mut connections = tokio::task::JoinSet::new();
    let shutdown = shutdown;
    tokio::pin!(shutdown);
    loop {
        let stream = tokio::select! {
            _ = &mut shutdown => break,
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                Err(_) => {
                    // Out of descriptors, say: wait for connections to close.
                    tokio::time::sleep(std::time::Duration::from_millis(50)).await;
                    continue;
                }
            },
        };
        while connections.try_join_next().is_some() {}
        let Ok(slot) = slots.clone().try_acquire_owned() else {
            connections.spawn(async move {
                let mut stream = stream;
                let _ = tokio::time::timeout(HEADER_TIMEOUT, async {
                    let _ = stream.write_all(BUSY).await;
                    let _ = stream.shutdown().await;
                })
                .await;
            });
            continue;
        };
        let service = hyper_util::service::TowerToHyperService::new(app.clone());
        let mut stop = stop_rx.clone();
        connections.spawn(async move {
            let _slot = slot;
            let conn = hyper::server::conn::http1::Builder::new()
                .timer(hyper_util::rt::TokioTimer::new())
                .header_read_timeout(HEADER_TIMEOUT)
                // A client may shut its sending side once the request is sent (`nc -N`,
                // scripts): it still waits for the answer, which must not be dropped.
                .half_close(true)
                .serve_connection(hyper_util::rt::TokioIo::new(stream), service);
            tokio::pin!(conn);
            tokio::select! {
                _ = conn.as_mut() => {}
                _ = stop.changed() => {
                    conn.as_mut().graceful_shutdown();
                    let _ = conn.await;
                }
            }
        });
    }
    drop(listener);
    let _ = stop_tx.send(true);
    let drained = async { while connections.join_next().await.is_some() {} };
    let _ = tokio::time::timeout(SHUTDOWN_GRACE, drained).await;
    connections.abort_all();
    Ok(())
}

async fn page() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CONTENT_SECURITY_POLICY, PAGE_CSP),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        INDEX_HTML,
    )
        .into_response()
}

async fn resume_info(State(s): State<Arc<AppState>>) -> Result<Json<ResumeInfo>, ApiError> {
    let Some(l) = &s.default else {
        return Err(ApiError(
            StatusCode::NOT_FOUND,
            "no résumé loaded: start jdfit serve with --resume FILE or load one in the page".into(),
        ));
    };
    Ok(Json(ResumeInfo {
        name: l.name.clone(),
        title: l.prepared.resume.basics.name.clone(),
        bullets: l.prepared.bullets.len(),
        view: l.view.clone(),
    }))
}

/// The résumé a request is about: its upload (parsed once, then cached), or the default.
fn resume_for(s: &AppState, upload: Option<ResumeUpload>) -> Result<Arc<Loaded>, ApiError> {
    let Some(up) = upload else {
        return s.default.clone().ok_or_else(|| {
            bad_request("no résumé loaded: choose a résumé file in the page first")
        });
    };
    let key = format!(
        "{}\u{0}{}\u{0}{}",
        up.name,
        up.text.as_deref().unwrap_or(""),
        up.data.as_deref().unwrap_or("")
    );
    if let Some((_, l)) = s
        .uploads
        .lock()
        .map_err(|_| ApiError(StatusCode::INTERNAL_SERVER_ERROR, "server state".into()))?
        .iter()
        .find(|(k, _)| *k == key)
    {
        return Ok(l.clone());
    }
    // Only the file name's last component is used: it picks the format and names errors.
    let name = Path::new(&up.name)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "résumé".into());
    // Bytes are read as a file's would be (DOCX, HTML, any text encoding); text that arrived
    // as text is cleaned, then read the same way (a saved page pasted as text, say).
    let bytes = match (&up.data, &up.text) {
        (Some(_), Some(_)) => {
            return Err(bad_request(
                "resume has both `text` and `data`: give one of them",
            ))
        }
        (Some(b64), None) => {
            use base64::Engine;
            base64::engine::general_purpose::STANDARD
                .decode(b64.trim())
                .map_err(|e| bad_request(format!("resume.data is not base64: {e}")))?
        }
        (None, Some(t)) => parse::clean_text(t).into_bytes(),
        (None, None) => return Err(bad_request("resume needs `text` or `data`")),
    };
    let read = pipeline::read_resume_bytes(Path::new(&name), &bytes, None)
        .map_err(|e| bad_request(e.to_string()))?;
    let view = read.view(&name);
    let prepared = pipeline::prepare_parsed(read.resume, None, &s.options)
        .map_err(|e| ApiError(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))?;
    let loaded = Arc::new(Loaded {
        name,
        prepared,
        view: Some(view),
    });
    if let Ok(mut cache) = s.uploads.lock() {
        cache.insert(0, (key, loaded.clone()));
        cache.truncate(UPLOAD_CACHE);
    }
    Ok(loaded)
}

/// `POST /api/resume`: an uploaded résumé (`{name, data}` or `{name, text}`) as read, the
/// JSON of `jdfit resume --format json`. The upload is prepared and kept, so matching it
/// next costs nothing more.
async fn view_upload(
    State(s): State<Arc<AppState>>,
    req: Result<Json<ResumeUpload>, JsonRejection>,
) -> Result<Json<ResumeView>, ApiError> {
    let Json(upload) = req?;
    let loaded = on_worker(s, move |state| resume_for(state, Some(upload))).await?;
    loaded
        .view
        .clone()
        .map(Json)
        .ok_or_else(|| ApiError(StatusCode::INTERNAL_SERVER_ERROR, "no view".into()))
}

/// Runs `work` on a blocking thread, at most one per core at a time.
async fn on_worker<T: Send + 'static>(
    s: Arc<AppState>,
    work: impl FnOnce(&AppState) -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    // The permit moves into the blocking task: if the client goes away, the request's future
    // is dropped but the work runs on, and must keep its core counted until it ends.
    let permit = s
        .workers
        .clone()
        .acquire_owned()
        .await
        .map_err(|_| ApiError(StatusCode::SERVICE_UNAVAILABLE, "shutting down".into()))?;
    let task = tokio::task::spawn_blocking(move || {
        let _permit = permit;
        work(&s)
    });
    task.await.map_err(|_| {
        ApiError(
            StatusCode::INTERNAL_SERVER_ERROR,
            "the request failed on the server".into(),
        )
    })?
}

/// Scores the request's posting on a blocking thread, at most one per core at a time.
async fn scored<T: Send + 'static>(
    s: Arc<AppState>,
    req: PostingRequest,
    then: impl FnOnce(&Loaded, Matched) -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    // Empty once cleaned: NUL and other control characters are removed before reading.
    if parse::clean_text(&req.posting).trim().is_empty() {
        return Err(bad_request(
            "the posting is empty: paste a job posting first",
        ));
    }
    // The line limit a posting file has (`jdfit match` refuses the same text).
    parse::check_lines(std::path::Path::new("posting"), &req.posting)
        .map_err(|e| bad_request(e.to_string()))?;
    on_worker(s, move |state| {
        let loaded = resume_for(state, req.resume)?;
        let text = parse::clean_text(&req.posting);
        let matched = pipeline::match_text(&loaded.prepared, &text, "posting")
            .map_err(|e| ApiError(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))?;
        then(&loaded, matched)
    })
    .await
}

async fn match_posting(
    State(s): State<Arc<AppState>>,
    req: Result<Json<PostingRequest>, JsonRejection>,
) -> Result<Json<MatchReport>, ApiError> {
    let Json(req) = req?;
    scored(s, req, |_, matched| Ok(matched.report))
        .await
        .map(Json)
}

/// The format named in a request.
fn format_of(name: Option<&str>) -> Result<ResumeFormat, ApiError> {
    let name = match name.unwrap_or("md") {
        // The long names the page has always accepted.
        "markdown" => "md",
        "text" => "txt",
        n => n,
    };
    ResumeFormat::from_name(name).ok_or_else(|| {
        let names: Vec<&str> = ResumeFormat::ALL.iter().map(|f| f.name()).collect();
        bad_request(format!("unknown format {name:?}: use {}", names.join(", ")))
    })
}

async fn tailor_posting(
    State(s): State<Arc<AppState>>,
    req: Result<Json<PostingRequest>, JsonRejection>,
) -> Result<Response, ApiError> {
    let Json(req) = req?;
    let format = format_of(req.format.as_deref())?;
    let mut opts = TailorOptions::default();
    if let Some(n) = req.max_bullets {
        opts.max_bullets = n.clamp(1, 200);
    }
    let (bytes, title, company) = scored(s, req, move |loaded, matched| {
        let bytes = pipeline::render_tailored(&loaded.prepared, &matched, &opts, format)
            .map(|(bytes, _)| bytes)
            .map_err(|e| ApiError(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))?;
        Ok((
            bytes,
            matched.posting.title.clone(),
            matched.posting.meta.get("company").cloned(),
        ))
    })
    .await?;
    let stem = format!(
        "tailored-{}",
        safe_stem(title.as_deref(), company.as_deref())
    );
    let file = format!("{stem}.{}", format.extension());
    // An ASCII fallback for old clients, and the exact name per RFC 6266 / 5987.
    let ascii: String = file
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || "-_.".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    let encoded: String = file
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-_.".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect();
    let disposition = format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}");
    let mut resp = bytes.into_response();
    let h = resp.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(format.content_type()),
    );
    if let Ok(v) = HeaderValue::from_str(&disposition) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    if format == ResumeFormat::Html {
        // The résumé page needs only its inline style.
        h.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static("default-src 'none'; style-src 'unsafe-inline'"),
        );
    }
    Ok(resp)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_address_listened_on_is_an_allowed_host() {
        let hosts = loopback_hosts("127.0.0.2:8080".parse().unwrap());
        assert!(hosts.contains(&"127.0.0.2:8080".to_string()), "{hosts:?}");
        assert!(hosts.contains(&"localhost:8080".to_string()), "{hosts:?}");
        let hosts = loopback_hosts("[::1]:8080".parse().unwrap());
        assert_eq!(hosts.iter().filter(|h| *h == "[::1]:8080").count(), 1);
    }

    #[test]
    fn formats_by_name() {
        assert_eq!(format_of(None).unwrap(), ResumeFormat::Md);
        assert_eq!(format_of(Some("docx")).unwrap(), ResumeFormat::Docx);
        assert!(format_of(Some("pdf")).is_err());
    }
}
