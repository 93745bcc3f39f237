// main.cpp: the `stmjit` command line: `run [--gil|--stm-report|--stm-log] FILE [args...]`, `dis FILE`, `--help`,
// `--version`.
//
// The program runs on a thread with a 1 GiB stack (reserved address space, committed only as
// used) because Python-to-Python calls recurse the C++ interpreter; the thread is created with
// the GC-aware pthread_create (GC_THREADS + <gc/gc.h>) so Boehm scans its stack. That thread
// is the Python main thread: it holds the GIL while it runs Python code, waits for non-daemon
// threads at exit (threading._shutdown, before the atexit callbacks, as CPython does), and
// then keeps the GIL so daemon threads never run again while the process exits.
#include <pthread.h>
#include <unistd.h>

#include <gc/gc.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "frontend/parser.h"
#include "interpreter/compiler.h"
#include "interpreter/interpreter.h"
#include "interpreter/stm_report.h"
#include "interpreter/stm_thread.h"
#include "interpreter/threads.h"
#include "runtime/api.h"
#include "runtime/config.h"

using namespace stmjit;

namespace {

const char* kUsage =
    "usage: stmjit <command> [arguments]\n"
    "\n"
    "Commands:\n"
    "  run [OPTIONS] FILE [ARGS...]\n"
    "                       run a Python program (sys.argv = [FILE, ARGS...]); threads\n"
    "                       run in parallel under software transactional memory (STM)\n"
    "    --gil              run threads under a global interpreter lock instead (no STM)\n"
    "    --stm-report       at exit, print commits, aborts, time lost and the top\n"
    "                       conflicts with both sides' source locations (STMJIT_STM_REPORT=1)\n"
    "    --stm-log          print every transaction event as it happens (STMJIT_STM_LOG=1)\n"
    "  dis FILE             show the bytecode of every code object in FILE\n"
    "\n"
    "Options:\n"
    "  -h, --help           show this help and exit\n"
    "  --version            show the version and exit\n";

int usage_error(const std::string& why) {
  std::fprintf(stderr, "stmjit: %s\n%s", why.c_str(), kUsage);
  return 2;
}

// Reads the file; on failure prints CPython's message and returns false.
// os.path.abspath: joined with the working directory, "." and ".." segments resolved
// lexically (symbolic links are kept).
std::string absolute_path(const std::string& path) {
  std::string joined = path;
  if (path.empty() || path[0] != '/') {
    char buf[4096];
    if (!getcwd(buf, sizeof buf)) return path;
    joined = std::string(buf) + "/" + path;
  }
  std::vector<std::string> parts;
  size_t i = 0;
  while (i <= joined.size()) {
    size_t j = joined.find('/', i);
    if (j == std::string::npos) j = joined.size();
    std::string seg = joined.substr(i, j - i);
    if (seg == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!seg.empty() && seg != ".") {
      parts.push_back(seg);
    }
    i = j + 1;
  }
  std::string out;
  for (auto& p : parts) out += "/" + p;
  return out.empty() ? "/" : out;
}

bool read_source(const std::string& path, std::string* out) {
  errno = 0;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    int e = errno ? errno : ENOENT;
    std::fprintf(stderr, "stmjit: can't open file '%s': [Errno %d] %s\n", path.c_str(), e, std::strerror(e));
    return false;
  }
  std::stringstream ss;
  ss << in.rdbuf();
  if (in.bad()) {
    int e = errno ? errno : EIO;
    std::fprintf(stderr, "stmjit: can't open file '%s': [Errno %d] %s\n", path.c_str(), e, std::strerror(e));
    return false;
  }
  *out = ss.str();
  return true;
}

// Offset of the first byte that is not valid UTF-8, or -1.
long invalid_utf8_offset(const std::string& s) {
  const unsigned char* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t n = s.size(), i = 0;
  while (i < n) {
    unsigned c = p[i];
    size_t len;
    uint32_t cp;
    if (c < 0x80) { i++; continue; }
    if ((c & 0xe0) == 0xc0) { len = 2; cp = c & 0x1f; }
    else if ((c & 0xf0) == 0xe0) { len = 3; cp = c & 0x0f; }
    else if ((c & 0xf8) == 0xf0) { len = 4; cp = c & 0x07; }
    else return long(i);
    if (i + len > n) return long(i);
    for (size_t k = 1; k < len; k++) {
      if ((p[i + k] & 0xc0) != 0x80) return long(i);
      cp = (cp << 6) | (p[i + k] & 0x3f);
    }
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10ffff)) ||
        (cp >= 0xd800 && cp <= 0xdfff))
      return long(i);
    i += len;
  }
  return -1;
}

struct Job {
  bool dis = false;
  std::string path;
  std::string source;
  const char* exe = nullptr;
  int exit_code = 0;
  bool stm_report = false, stm_log = false;
};

void safe_flush() {
  try {
    flush_std_streams();
  } catch (PyException&) {
  }
}

// SystemExit: None -> 0, int -> that, anything else printed to stderr -> 1.
int system_exit_code(Value exc) {
  Value code = getattr_opt(exc, names.code);
  if (code.is_empty() || is_none(code)) return 0;
  if (code.is_small_int()) return int(code.as_small_int());
  if (kind_of(code) == Kind::Bool) return code == v_true() ? 1 : 0;
  safe_flush();
  write_stderr(std::string(str_view(str_of(code))) + "\n");
  return 1;
}

int run_program(Job& job) {
  try {
    ModuleObj* m = module_new("__main__", str_new(job.path));
    CodeObj* code = compile_source(job.source, job.path, m);
    if (job.dis) {
      write_stdout(disassemble(code, true));
      safe_flush();
      return 0;
    }
    import_setup_main(m, job.path, job.exe);
    run_module_code(code, m);
    tx_ensure_running();   // the main module's frame ended the last transaction
    flush_std_streams();
    return 0;
  } catch (SyntaxErrorException& e) {
    safe_flush();
    write_stderr(format_syntax_error(e.info()));
    safe_flush();
    return 1;
  } catch (PyException& e) {
    if (exception_matches(e.exc, Value::from_obj(exc_SystemExit))) {
      int rc = system_exit_code(e.exc);
      safe_flush();
      return rc;
    }
    safe_flush();
    write_stderr(format_exception(e.exc));
    safe_flush();
    return 1;
  } catch (std::bad_alloc&) {   // outside any Python frame (e.g. compiling a huge program)
    safe_flush();
    write_stderr("MemoryError\n");
    return 1;
  }
}

// Runs the program, waits for its non-daemon threads, then runs the atexit callbacks (after
// an uncaught exception's traceback, as CPython does); a failing callback is reported and does
// not change the exit status.
int run_job(Job& job) {
  int rc = run_program(job);
  if (job.dis) return rc;
  try {
    run_threading_shutdown();
  } catch (PyException& e) {
    safe_flush();
    write_stderr("Exception ignored on threading shutdown:\n" + format_exception(e.exc));
    safe_flush();
  }
  try {
    run_atexit_callbacks();
    flush_std_streams();
  } catch (PyException& e) {
    safe_flush();
    write_stderr("Exception ignored in atexit callback:\n" + format_exception(e.exc));
    safe_flush();
  }
  return rc;
}

void* thread_main(void* arg) {
  Job* job = static_cast<Job*>(arg);
  stm_report_setup(job->stm_report, job->stm_log);   // before the first transaction
  thread_enter_main();
  job->exit_code = run_job(*job);
  safe_flush();
  if (job->stm_report && runtime_config.gil) std::fputs("STM: not used (--gil)\n", stderr);
  stm_report_at_exit();
  thread_finalize();
  return nullptr;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) return usage_error("missing command");
  std::string cmd = argv[1];
  if (cmd == "-h" || cmd == "--help") {
    std::fputs(kUsage, stdout);
    return 0;
  }
  if (cmd == "--version") {
    std::printf("stmjit %s\n", STMJIT_VERSION);
    return 0;
  }
  Job job;
  job.exe = argv[0];
  int file_arg = 2;
  if (cmd == "run") {
    // Options of `run` come before the FILE; everything after it belongs to the program.
    for (; file_arg < argc && argv[file_arg][0] == '-' && argv[file_arg][1] != '\0'; file_arg++) {
      std::string opt = argv[file_arg];
      if (opt == "--gil") runtime_config.gil = true;
      else if (opt == "--stm-report") job.stm_report = true;
      else if (opt == "--stm-log") job.stm_log = true;
      else return usage_error("unknown option '" + opt + "' for 'run'");
    }
  }
  if (cmd == "run" || cmd == "dis") {
    if (argc <= file_arg) return usage_error("'" + cmd + "' needs a FILE");
    if (cmd == "dis" && argc > 3) return usage_error("'dis' takes exactly one FILE");
    job.dis = cmd == "dis";
    job.path = argv[file_arg];
  } else if (cmd.size() > 0 && cmd[0] == '-') {
    return usage_error("unknown option '" + cmd + "'");
  } else {
    return usage_error("unknown command '" + cmd + "'");
  }
  if (!read_source(job.path, &job.source)) return 2;
  long bad = invalid_utf8_offset(job.source);
  if (bad >= 0) {
    std::fprintf(stderr, "stmjit: file '%s' is not valid UTF-8 (invalid byte 0x%02x at offset %ld)\n", job.path.c_str(),
                 unsigned(static_cast<unsigned char>(job.source[size_t(bad)])), bad);
    return 2;
  }

  // Like CPython 3.11: the main module's __file__, sys.path[0] and tracebacks use the absolute
  // path of the script (sys.argv[0] stays as given).
  job.path = absolute_path(job.path);

  // sys.argv = [FILE, args...]
  runtime_init(argc - file_arg, argv + file_arg);
  interpreter_init();

  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, size_t(1) << 30);
  pthread_t t;
  if (pthread_create(&t, &attr, thread_main, &job) != 0) {
    // Could not reserve the big stack: run here (the recursion guard still protects us).
    thread_main(&job);
  } else {
    pthread_join(t, nullptr);
  }
  pthread_attr_destroy(&attr);
  return job.exit_code;
}
