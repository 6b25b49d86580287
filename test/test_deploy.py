"""make deploy installs the packaged plugin into the profile QGIS opens and enables it, so that
qgis_process finds the algorithms with nothing else set."""
import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.qgis_process
def test_deploy_installs_into_the_default_profile_and_qgis_process_loads_it(tmp_path):
    from qgisprocess import qgis_process_binary

    config = tmp_path / "config"
    (config / "profiles").mkdir(parents=True)
    (config / "profiles" / "profiles.ini").write_text("[core]\ndefaultProfile=planner\n")
    environment = dict(os.environ, QGIS_CUSTOM_CONFIG_PATH=str(config))
    environment.pop("QGIS_PLUGINPATH", None)
    done = subprocess.run(["make", "-s", "deploy"], cwd=ROOT, env=environment,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr

    profile = config / "profiles" / "planner"
    assert (profile / "python" / "plugins" / "jordressource_plugin" / "metadata.txt").exists()
    assert "jordressource_plugin=true" in (profile / "QGIS" / "QGIS3.ini").read_text()
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    listing = subprocess.run([qgis_process_binary(), "list"], capture_output=True, text=True,
                             env=dict(environment, QT_QPA_PLATFORM="offscreen",
                                      XDG_RUNTIME_DIR=str(runtime)), timeout=120).stdout
    assert "jordressource:match_reuse" in listing
    plugins = config / "profiles" / "default" / "python" / "plugins"
    assert (plugins / "jordressource_plugin").exists()
