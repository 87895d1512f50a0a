use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, PoisonError, RwLock, RwLockReadGuard, RwLockWriteGuard};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};
use rusqlite_migration::{Migrations, M};

use crate::LibraryError;

/// Marks a SQLite file as a Barg library (`PRAGMA application_id`), so that a
/// foreign database is recognised and never migrated or overwritten.
const APPLICATION_ID: i32 = 0x4261_7267; // "Barg"

/// The schema version this build writes (`PRAGMA user_version`): the number
/// of migrations in [`migrations`].
pub const SCHEMA_VERSION: i64 = 8;

/// Readers kept open for reuse; more are opened on demand under load.
const IDLE_READERS: usize = 4;

/// The writer connection's page cache, in KiB (negative: SQLite's unit).
const WRITER_CACHE_KIB: i64 = -32 * 1024;

/// Pages of write-ahead log at which a commit copies the log into the
/// library file (SQLite's default is 1,000). A large write rewrites the same
/// search-index pages over and over; copying less often copies each of them
/// fewer times: a cold sync of 500 feeds × 50 items took 2.8–2.9 s instead
/// of 3.2–3.3 s, with 10% less CPU. The log grows to about 16 MB.
const CHECKPOINT_PAGES: i64 = 4_000;

/// A Barg library: one SQLite file in WAL mode.
///
/// All writes go through the single writer connection; reads use their own
/// read-only connections and so never wait for a write transaction to end.
pub struct Library {
    path: PathBuf,
    /// Opened from a file or folder that cannot be written.
    read_only: bool,
    /// The `immutable` URI every connection opens when the library is on
    /// a drive that cannot be written and has no write-ahead log (see
    /// [`open_writer`]).
    unchanging: Option<String>,
    writer: Mutex<Connection>,
    readers: Mutex<Vec<Connection>>,
    /// Words known to be in the search term dictionary (see
    /// `Library::write_indexing`): read by a write transaction and by the
    /// tasks that prepare one, written after a commit. Held only briefly.
    known_terms: RwLock<rustc_hash::FxHashSet<String>>,
}

impl Library {
    /// Opens the library at `path`, creating it (and its folder) if missing,
    /// and brings its schema up to date; a library that cannot be written is
    /// opened read-only as it is (and refused if it would need an update).
    ///
    /// A file that is not a Barg library, or that a newer Barg wrote, is
    /// refused and left exactly as it was.
    pub fn open(path: &Path) -> Result<Self, LibraryError> {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        let (mut writer, unchanging) = open_writer(path)?;
        let version = check_is_barg_library(&writer, path)?;
        // SQLite opens a file it cannot write (a read-only mount or file)
        // read-only: such a library is read as it is, and every change is
        // refused with `read-only`. Opening never writes unless it must
        // (a migration), so a full disk does not keep a library closed.
        let read_only = writer.is_readonly(rusqlite::MAIN_DB)?;
        if read_only && version < SCHEMA_VERSION {
            return Err(LibraryError::ReadOnlyNeedsUpdate {
                path: path.to_owned(),
                found: version,
                known: SCHEMA_VERSION,
            });
        }
        configure(&writer, read_only)?;
        // Room for the pages one write transaction touches (a sync's or an
        // import's batch: index pages all over a large library): with
        // SQLite's default 2 MB, a large batch spills pages to the WAL
        // before it commits and reads them back. Taken only as used.
        writer.pragma_update(None, "cache_size", WRITER_CACHE_KIB)?;
        writer.pragma_update(None, "wal_autocheckpoint", CHECKPOINT_PAGES)?;
        if version < SCHEMA_VERSION {
            if version > 0 {
                snapshot_before_migration(&writer, path, version)?;
            } else {
                // Marked as Barg's before anything else is written, so a
                // creation cut short (a crash, a full disk) is never taken
                // for somebody else's file afterwards. (An older library
                // has been marked since it was made.)
                writer.pragma_update(None, "application_id", APPLICATION_ID)?;
            }
            migrations().to_latest(&mut writer)?;
        }
        Ok(Self {
            path: path.to_owned(),
            unchanging,
            read_only,
            writer: Mutex::new(writer),
            readers: Mutex::new(Vec::new()),
            known_terms: RwLock::new(Default::default()),
        })
    }

    pub(crate) fn known_terms(&self) -> RwLockReadGuard<'_, rustc_hash::FxHashSet<String>> {
        self.known_terms
            .read()
            .unwrap_or_else(PoisonError::into_inner)
    }

    pub(crate) fn known_terms_mut(&self) -> RwLockWriteGuard<'_, rustc_hash::FxHashSet<String>> {
        self.known_terms
            .write()
            .unwrap_or_else(PoisonError::into_inner)
    }

    /// Where the library file lives.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Whether the library was opened from a file or folder that cannot be
    /// written: reading works, every change fails with `read-only`.
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// The room left on the library's disk (`Enough` when the system cannot
    /// tell).
    pub fn disk_room(&self) -> crate::fs::DiskRoom {
        crate::fs::disk_room(&self.path).unwrap_or(crate::fs::DiskRoom::Enough)
    }

    /// Moves what the write-ahead log holds into the library file and
    /// shortens the log: what a full disk held back (the automatic
    /// checkpoint needs room) is caught up once there is room again. A
    /// reader in the way leaves the rest for the next checkpoint.
    pub fn checkpoint(&self) -> Result<(), LibraryError> {
        if self.read_only {
            return Ok(());
        }
        lock(&self.writer).query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        Ok(())
    }

    /// Runs `f` inside one write transaction on the writer connection.
    pub(crate) fn write<T>(
        &self,
        f: impl FnOnce(&rusqlite::Transaction<'_>) -> Result<T, LibraryError>,
    ) -> Result<T, LibraryError> {
        let mut conn = lock(&self.writer);
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let value = f(&tx)?;
        tx.commit()?;
        Ok(value)
    }

    /// Runs `f` on the writer connection outside a transaction (for
    /// `VACUUM INTO` and the backup API).
    pub(crate) fn with_writer<T>(
        &self,
        f: impl FnOnce(&mut Connection) -> Result<T, LibraryError>,
    ) -> Result<T, LibraryError> {
        let mut conn = lock(&self.writer);
        f(&mut conn)
    }

    /// Runs `f` on a read-only connection of its own.
    pub(crate) fn read<T>(
        &self,
        f: impl FnOnce(&Connection) -> Result<T, LibraryError>,
    ) -> Result<T, LibraryError> {
        let conn = match lock(&self.readers).pop() {
            Some(conn) => conn,
            None => self.open_reader()?,
        };
        let result = f(&conn);
        let mut idle = lock(&self.readers);
        if idle.len() < IDLE_READERS {
            idle.push(conn);
        }
        result
    }

    fn open_reader(&self) -> Result<Connection, LibraryError> {
        let conn = match &self.unchanging {
            Some(uri) => Connection::open_with_flags(uri, read_only_flags())?,
            None => Connection::open_with_flags(&self.path, read_only_flags())?,
        };
        conn.busy_timeout(Duration::from_secs(5))?;
        Ok(conn)
    }

    /// Reads a library setting (one that travels with the library file).
    pub fn library_setting(&self, key: &str) -> Result<Option<String>, LibraryError> {
        self.read(|conn| {
            let mut stmt =
                conn.prepare_cached("SELECT value FROM library_settings WHERE key = ?1")?;
            let mut rows = stmt.query([key])?;
            Ok(match rows.next()? {
                Some(row) => Some(row.get(0)?),
                None => None,
            })
        })
    }

    /// Writes a library setting.
    pub fn set_library_setting(&self, key: &str, value: &str) -> Result<(), LibraryError> {
        self.write(|tx| {
            tx.execute(
                "INSERT INTO library_settings (key, value) VALUES (?1, ?2)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [key, value],
            )?;
            Ok(())
        })
    }
}

fn read_only_flags() -> OpenFlags {
    OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX | OpenFlags::SQLITE_OPEN_URI
}

/// The writer connection. A WAL-mode library on a drive or in a folder
/// that cannot be written, with no write-ahead log beside it (closed cleanly, or copied
/// alone to a backup drive), cannot be read the usual way: SQLite must
/// create its shared-memory file first. Only then is it reopened as an
/// immutable file (which it is there); returns that URI for the readers.
fn open_writer(path: &Path) -> Result<(Connection, Option<String>), LibraryError> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    let read = conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| {
        r.get::<_, i64>(0)
    });
    // A library in WAL mode is read through two files beside it (the log
    // and its index), made on first use. Where they cannot be made (a
    // read-only mount, or a folder this user may not write while the file
    // itself is writable) and no log was left behind (or an empty one), the file alone holds
    // the whole library: it is read as unchanging. Anything else wrong with
    // the file is for `check_is_barg_library`.
    let beside_files_cannot_be_made = match &read {
        Ok(_) => false,
        Err(error) => {
            std::fs::metadata(crate::fs::with_suffix(path, "-wal"))
                .map_or(true, |log| log.len() == 0)
                && (conn.is_readonly(rusqlite::MAIN_DB)?
                    || matches!(
                        error.sqlite_error_code(),
                        Some(rusqlite::ErrorCode::CannotOpen | rusqlite::ErrorCode::ReadOnly)
                    ))
        }
    };
    if !beside_files_cannot_be_made {
        return Ok((conn, None));
    }
    drop(conn);
    let uri = immutable_uri(path);
    Ok((
        Connection::open_with_flags(&uri, read_only_flags())?,
        Some(uri),
    ))
}

/// `file:PATH?immutable=1`, the path's bytes percent-encoded where a URI
/// needs it and wherever they are not ASCII (a folder called «کتابخانه»).
fn immutable_uri(path: &Path) -> String {
    #[cfg(unix)]
    let bytes = std::os::unix::ffi::OsStrExt::as_bytes(path.as_os_str()).to_vec();
    #[cfg(not(unix))]
    let bytes = path.to_string_lossy().into_owned().into_bytes();
    let mut uri = String::from("file:");
    for byte in bytes {
        match byte {
            b'?' | b'#' | b'%' | 0x80.. => uri.push_str(&format!("%{byte:02X}")),
            _ => uri.push(char::from(byte)),
        }
    }
    uri.push_str("?immutable=1");
    uri
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    // A panic while holding a connection leaves SQLite itself consistent
    // (the transaction rolls back on drop), so the connection stays usable.
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Forward-only migrations; the index + 1 is the schema version. Never edit a
/// released migration: add a new one (and a test that upgrades to it).
pub(crate) fn migrations() -> Migrations<'static> {
    Migrations::new(vec![
        M::up(include_str!("../migrations/0001_library.sql")),
        // The search index holds folded text, which only Rust can compute.
        M::up_with_hook(
            include_str!("../migrations/0002_search.sql"),
            |tx: &rusqlite::Transaction<'_>| {
                crate::index::index_all(tx)
                    .map_err(|e| rusqlite_migration::HookError::Hook(e.to_string()))
            },
        ),
        M::up(include_str!("../migrations/0003_reading_and_feeds.sql")),
        M::up(include_str!("../migrations/0004_search_terms.sql")),
        M::up(include_str!("../migrations/0005_routes.sql")),
        M::up(include_str!("../migrations/0006_bandwidth.sql")),
        M::up(include_str!("../migrations/0007_accounts.sql")),
        // Folding changed: the index and its dictionary are rebuilt.
        M::up_with_hook(
            include_str!("../migrations/0008_refold.sql"),
            |tx: &rusqlite::Transaction<'_>| {
                crate::index::reindex_all(tx)
                    .map_err(|e| rusqlite_migration::HookError::Hook(e.to_string()))
            },
        ),
    ])
}

fn configure(conn: &Connection, read_only: bool) -> Result<(), LibraryError> {
    conn.busy_timeout(Duration::from_secs(5))?;
    if !read_only {
        conn.pragma_update(None, "journal_mode", "WAL")?;
    }
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    Ok(())
}

/// Where the copy taken before migrating a library from `version` goes.
pub fn snapshot_path(path: &Path, version: i64) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(format!(".schema-{version}.bak"));
    path.with_file_name(name)
}

/// Copies the library (consistently, with `VACUUM INTO`) before a migration
/// changes it, so an upgrade can never lose a library.
fn snapshot_before_migration(
    conn: &Connection,
    path: &Path,
    version: i64,
) -> Result<(), LibraryError> {
    let snapshot = snapshot_path(path, version);
    if snapshot.exists() {
        std::fs::remove_file(&snapshot)?;
    }
    conn.execute("VACUUM INTO ?1", [snapshot.to_string_lossy()])?;
    tracing::info!(from = version, to = SCHEMA_VERSION, snapshot = %snapshot.display(), "migrating the library");
    Ok(())
}

/// Refuses files that are not (empty or) Barg libraries, and libraries from a
/// newer Barg, before anything is written to them. Returns the schema version.
pub(crate) fn check_is_barg_library(conn: &Connection, path: &Path) -> Result<i64, LibraryError> {
    let foreign = || LibraryError::ForeignDatabase {
        path: path.to_owned(),
    };
    // A file that is not SQLite at all fails on this first read.
    let application_id: i32 = conn
        .pragma_query_value(None, "application_id", |row| row.get(0))
        .map_err(|_| foreign())?;
    let user_version: i64 = conn.pragma_query_value(None, "user_version", |row| row.get(0))?;
    let table_count: i64 =
        conn.query_row("SELECT count(*) FROM sqlite_master", [], |row| row.get(0))?;
    let empty = table_count == 0 && user_version == 0;
    if !empty && application_id != APPLICATION_ID {
        return Err(foreign());
    }
    if user_version > SCHEMA_VERSION {
        return Err(LibraryError::NewerSchema {
            path: path.to_owned(),
            found: user_version,
            known: SCHEMA_VERSION,
        });
    }
    Ok(user_version)
}

#[cfg(test)]
mod tests;
