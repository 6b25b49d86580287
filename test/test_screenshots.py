"""The README's pictures come from real QGIS desktop: the screenshot script must still make one."""
import shutil
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(shutil.which("xvfb-run") is None or shutil.which("qgis") is None,
                                reason="needs QGIS desktop and xvfb-run (make setup installs them)")


@pytest.mark.qgis  # reads help or styles through QGIS's translator
def test_screenshot_of_the_danish_dialog_is_a_real_picture(tmp_path):
    from qgis.PyQt.QtGui import QImage

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
    import screenshots

    target = tmp_path / "dialog.png"
    screenshots.shoot("dialog", "da_DK", target)
    image = QImage(str(target))
    assert image.width() > 600 and image.height() > 400
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7)
               for y in range(0, image.height(), 7)}
    assert len(colours) > 50, "a blank or single-colour picture"
