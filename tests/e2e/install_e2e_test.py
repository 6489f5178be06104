"""The installed tree and the .deb: `cmake --install` into a temporary prefix puts the binary, the
pinned tz/CLDR data, the sample config, the systemd unit and its sysusers.d account in their
places, and the installed binary serves a mailbox; CPack's .deb, unpacked with dpkg-deb -x into a
temporary root, has Debian's layout and its binary runs and serves too; systemd-analyze verify
accepts the unit (that one check is skipped, saying so, where the tool is absent). Both binaries
pass `serve --check-config` against the sample config they ship with, its absolute paths moved
into the temporary tree by OOFGATE_USERS/OOFGATE_DATA_DIR (the environment wins over the file),
and fail it, naming the line, on a copy of that config with one bad value."""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "durability"))
import gateway_driver  # noqa: E402  (start on port 0, stop by pid)
from checks import check, finish, run_cases  # noqa: E402

HARDENING = ["Type=notify", "ExecReload=/bin/kill -HUP $MAINPID", "NoNewPrivileges=yes", "ProtectSystem=strict",
             "ProtectHome=yes", "PrivateTmp=yes", "PrivateDevices=yes", "StateDirectory=oofgate",
             "RestrictAddressFamilies=AF_UNIX AF_INET AF_INET6", "SystemCallFilter=@system-service",
             "User=oofgate"]


def serves_a_mailbox(binary, workdir, what):
    """Starts `binary serve` on port 0 and GETs a mailbox through Graph."""
    users = os.path.join(workdir, "users.json")
    with open(users, "w") as f:
        f.write(gateway_driver.users_json(1))
    data_dir = os.path.join(workdir, "data-" + what.replace(" ", "-"))
    os.makedirs(data_dir)
    gateway = gateway_driver.Gateway(binary, workdir, ["--data-dir", data_dir], users)
    try:
        settings = gateway_driver.Client(gateway.port).get_settings(gateway_driver.user(0)["id"])
        check(settings["automaticRepliesSetting"]["status"] == "disabled", "%s: GET of a mailbox answers" % what)
    finally:
        gateway.stop()


def checks_the_sample_config(binary, config, workdir, what):
    """`serve --check-config` on the shipped sample config: its /etc and /var/lib paths are not
    this machine's, so the environment points them into workdir (and so proves it outranks the
    file); the same config with a bad value fails, naming the file and line."""
    tree = os.path.join(workdir, "check-" + what.replace(" ", "-").replace(".", ""))
    os.makedirs(tree)
    users = os.path.join(tree, "users.json")
    with open(users, "w") as f:
        f.write(gateway_driver.users_json(2))
    data_dir = os.path.join(tree, "data")
    env = {name: value for name, value in os.environ.items() if not name.startswith("OOFGATE_")}
    overridden = dict(env, OOFGATE_USERS=users, OOFGATE_DATA_DIR=data_dir)

    def check_config(path, environment):
        return subprocess.run([binary, "serve", "--config", path, "--check-config"], capture_output=True,
                              text=True, env=environment, stdin=subprocess.DEVNULL, timeout=60)

    result = check_config(config, overridden)
    expected = ["oofgate: options: ok",
                "oofgate: users file %s (2 users): ok" % users,
                "oofgate: listen address 127.0.0.1:8080: ok",
                "oofgate: data directory %s (writable): ok" % data_dir,
                "oofgate: store %s: ok" % os.path.join(data_dir, "oofgate.sqlite3"),
                "oofgate: configuration check succeeded"]
    check(result.returncode == 0 and result.stdout.splitlines() == expected and result.stderr == "",
          "%s: --check-config passes the sample config with the environment's paths: rc=%d %r %r"
          % (what, result.returncode, result.stdout, result.stderr))
    check(os.path.isdir(data_dir), "%s: --check-config created the data directory the environment named" % what)

    # Without the overrides the file's own /etc/oofgate/users.json is used, and it is not here.
    if not os.path.exists("/etc/oofgate/users.json"):
        result = check_config(config, env)
        check(result.returncode == 1 and "/etc/oofgate/users.json" in result.stderr
              and result.stderr.rstrip().endswith("oofgate: configuration check failed"),
              "%s: without the environment the sample config's own users path is checked: rc=%d %r"
              % (what, result.returncode, result.stderr))

    with open(config) as f:
        lines = f.read().split("\n")
    body_limit = [number for number, line in enumerate(lines) if line.startswith("# body-limit = ")]
    if not check(len(body_limit) == 1, "%s: the sample config shows body-limit once" % what):
        return
    lines[body_limit[0]] = "body-limit = \"a lot\""
    broken = os.path.join(tree, "broken.toml")
    with open(broken, "w") as f:
        f.write("\n".join(lines))
    result = check_config(broken, overridden)
    check(result.returncode == 1
          and result.stderr == ("oofgate: %s:%d: key 'body-limit' needs a number from 1 to 1073741824, got 'a lot'"
                                " (see oofgate --help)\noofgate: configuration check failed\n"
                                % (broken, body_limit[0] + 1))
          and "succeeded" not in result.stdout,
          "%s: --check-config fails a bad value with its line: rc=%d %r" % (what, result.returncode, result.stderr))


def check_unit(unit_path, binary_path, what):
    with open(unit_path) as f:
        unit = f.read()
    for directive in HARDENING:
        check(("\n" + directive + "\n") in unit, "%s unit has %s" % (what, directive))
    check("ExecStart=%s serve " % binary_path in unit, "%s unit starts the installed binary %s" % (what, binary_path))
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        print("SKIPPED: systemd-analyze verify of the %s unit: systemd-analyze is not installed" % what)
        return
    result = subprocess.run([analyze, "verify", unit_path], capture_output=True, text=True)
    check(result.returncode == 0 and "oofgate.service" not in result.stderr,
          "systemd-analyze verify accepts the %s unit: %s" % (what, result.stderr.strip()))


def test_cmake_install(build_dir, workdir):
    prefix = os.path.join(workdir, "prefix")
    subprocess.run(["cmake", "--install", build_dir, "--prefix", prefix], check=True, stdout=subprocess.DEVNULL)
    binary = os.path.join(prefix, "bin", "oofgate")
    for path in ["bin/oofgate", "etc/oofgate/oofgate.toml", "lib/systemd/system/oofgate.service",
                 "lib/sysusers.d/oofgate.conf", "share/oofgate/tzdata/windowsZones.xml",
                 "share/oofgate/tzdata/cldr/en_display_names.xml", "share/doc/oofgate/README.md"]:
        check(os.path.isfile(os.path.join(prefix, path)), "cmake --install puts %s under the prefix" % path)
    with open(os.path.join(prefix, "lib/sysusers.d/oofgate.conf")) as f:
        check("u oofgate " in f.read(), "sysusers.d declares the oofgate account")
    check_unit(os.path.join(prefix, "lib/systemd/system/oofgate.service"), binary, "installed")
    checks_the_sample_config(binary, os.path.join(prefix, "etc/oofgate/oofgate.toml"), workdir, "installed binary")
    serves_a_mailbox(binary, workdir, "installed binary")


def test_deb(build_dir, workdir):
    out = os.path.join(workdir, "package")
    subprocess.run(["cpack", "-G", "DEB", "-B", out, "--config", os.path.join(build_dir, "CPackConfig.cmake")],
                   check=True, stdout=subprocess.DEVNULL, cwd=build_dir)
    debs = [name for name in os.listdir(out) if name.endswith(".deb")]
    if not check(len(debs) == 1, "cpack made one .deb: %r" % debs):
        return
    deb = os.path.join(out, debs[0])
    info = subprocess.run(["dpkg-deb", "-I", deb], capture_output=True, text=True, check=True).stdout
    check("Package: oofgate" in info and "tzdata" in info, "the .deb is oofgate and depends on tzdata")
    conffiles = subprocess.run(["dpkg-deb", "-I", deb, "conffiles"], capture_output=True, text=True).stdout
    check(conffiles.strip() == "/etc/oofgate/oofgate.toml", "the sample config is a conffile: %r" % conffiles)
    root = os.path.join(workdir, "root")
    subprocess.run(["dpkg-deb", "-x", deb, root], check=True)
    for path in ["usr/bin/oofgate", "etc/oofgate/oofgate.toml", "usr/lib/systemd/system/oofgate.service",
                 "usr/lib/sysusers.d/oofgate.conf", "usr/share/oofgate/tzdata/windowsZones.xml"]:
        check(os.path.isfile(os.path.join(root, path)), "the .deb holds /%s" % path)
    binary = os.path.join(root, "usr", "bin", "oofgate")
    help_text = subprocess.run([binary, "--help"], capture_output=True, text=True)
    check(help_text.returncode == 0 and "oofgate serve" in help_text.stdout, "the unpacked binary runs --help")
    with open(os.path.join(root, "usr/lib/systemd/system/oofgate.service")) as f:
        unit = f.read()
    check("ExecStart=/usr/bin/oofgate serve " in unit and "/etc/oofgate/users.json" in unit,
          "the packaged unit names /usr/bin/oofgate and /etc/oofgate")
    checks_the_sample_config(binary, os.path.join(root, "etc/oofgate/oofgate.toml"), workdir, "unpacked .deb binary")
    serves_a_mailbox(binary, workdir, "unpacked .deb binary")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--build-dir", required=True)
    args = parser.parse_args()
    build_dir = os.path.abspath(args.build_dir)
    run_cases([("cmake_install", test_cmake_install), ("deb", test_deb)],
              lambda: tempfile.TemporaryDirectory(prefix="oofgate-install-"), build_dir)
    finish()
