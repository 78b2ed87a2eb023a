#include "DiffRunner.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/wait.h>
#include <vector>

namespace fs = std::filesystem;

namespace wtm::difftest {
namespace {

int shell(const std::string& cmd) {
  const int status = std::system(cmd.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string slurp(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

void write(const fs::path& p, const std::string& text) { std::ofstream(p, std::ios::binary) << text; }

std::vector<std::string> dumpLines(const std::string& out) {
  std::vector<std::string> lines;
  std::istringstream in(out);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.rfind("S ", 0) == 0 || line.rfind("TRAP", 0) == 0 || line == "END") lines.push_back(line);
  }
  return lines;
}

std::string registerName(size_t field) {
  // Fields: x1, x4..x31 (29), f0..f31 (32), fcsr, scratch hash.
  if (field == 0) return "x1";
  if (field < 29) return "x" + std::to_string(field + 3);
  if (field < 61) return "f" + std::to_string(field - 29);
  if (field == 61) return "fcsr";
  return "memory hash";
}

std::string describeDifference(const std::string& a, const std::string& b) {
  std::istringstream sa(a.substr(2)), sb(b.substr(2));
  std::vector<std::string> fa, fb;
  for (std::string w; sa >> w;) fa.push_back(w);
  for (std::string w; sb >> w;) fb.push_back(w);
  std::ostringstream os;
  for (size_t i = 0; i < std::max(fa.size(), fb.size()); ++i) {
    const std::string va = i < fa.size() ? fa[i] : "-", vb = i < fb.size() ? fb[i] : "-";
    if (va != vb) os << "  " << registerName(i) << ": board " << va << ", qemu " << vb << "\n";
  }
  return os.str();
}

}  // namespace

DiffResult runOne(const Toolchain& tools, const ProgramSpec& spec) {
  DiffResult result;
  const fs::path dir = fs::path(tools.workDir) / ("seed_" + std::to_string(spec.seed));
  fs::create_directories(dir);
  write(dir / "prog.S", generateProgram(spec));
  write(dir / "board.ld", boardLinkerScript());
  write(dir / "qemu.ld", qemuLinkerScript());
  const std::string cc = tools.gcc + " -march=rv32imafc_zicsr_zifencei -mabi=ilp32f -nostdlib -nostartfiles ";
  const std::string d = dir.string();
  if (shell(cc + "-DTARGET_BOARD -T " + d + "/board.ld " + d + "/prog.S -o " + d + "/board.elf 2> " + d + "/cc.log") ||
      shell(cc + "-DTARGET_QEMU -T " + d + "/qemu.ld " + d + "/prog.S -o " + d + "/qemu.elf 2>> " + d + "/cc.log")) {
    result.report = "assembling the generated program failed:\n" + slurp(dir / "cc.log");
    result.keptDir = d;
    return result;
  }
  const int boardRc = shell(tools.board + " " + tools.boardArgs + " -q --elf " + d + "/board.elf --uart0 " + d +
                            "/board.out --max-cycles 200000000 2> " + d + "/board.err");
  const int qemuRc =
      shell("timeout 120 " + tools.qemu + " -machine virt -cpu rv32,d=false -nographic -bios none -kernel " + d +
            "/qemu.elf > " + d + "/qemu.out 2> " + d + "/qemu.err < /dev/null");
  const auto board = dumpLines(slurp(dir / "board.out")), qemu = dumpLines(slurp(dir / "qemu.out"));
  std::ostringstream rep;
  if (qemuRc != 0 || qemu.empty() || qemu.back() != "END") {
    rep << "qemu did not complete the program (exit " << qemuRc << "): " << slurp(dir / "qemu.err");
  } else {
    for (size_t i = 0; i < std::max(board.size(), qemu.size()); ++i) {
      const std::string b = i < board.size() ? board[i] : "<missing>", q = i < qemu.size() ? qemu[i] : "<missing>";
      if (b != q) {
        rep << "seed " << spec.seed << ", sequence " << i << " (label seq_" << i << " in " << d
            << "/prog.S) differs:\n";
        if (b.rfind("S ", 0) == 0 && q.rfind("S ", 0) == 0) rep << describeDifference(b, q);
        else rep << "  board: " << b.substr(0, 60) << "\n  qemu:  " << q.substr(0, 60) << "\n";
        if (boardRc != 0) rep << "  board exit code " << boardRc << ": " << slurp(dir / "board.err");
        break;
      }
      if (b.rfind("S ", 0) == 0) ++result.sequencesCompared;
    }
  }
  result.report = rep.str();
  result.ok = result.report.empty();
  if (result.ok) fs::remove_all(dir);
  else result.keptDir = d;
  return result;
}

}  // namespace wtm::difftest
