"""Imported only by the extraction workers' fork server (``flows.parallel``): stands in there for
the main module of the process that started it, so that workers do not import that module again.

Python starts each ``forkserver`` (and ``spawn``) child by running the parent's main module
(``multiprocessing.spawn.prepare``), unless the child's own ``__main__`` already has the parent's
file or module name. For a pass that main module is the ``iswatch`` script, which imports
``flows.cli`` and its settings model (~9 MB and ~0.15 s more in every new worker), or Prefect's
engine in a deployment (with Prefect imported, ~70 MB and ~1 s), for nothing the workers use.
The fork server's ``__main__`` is Python's own ``-c`` stub; giving it the parent's file and
module name, which ``flows.parallel`` passes in the environment, makes every worker skip that
step.
"""

from __future__ import annotations

import importlib.machinery
import os
import sys

MAIN_PATH_VARIABLE = "ISWATCH_PARENT_MAIN_PATH"
MAIN_NAME_VARIABLE = "ISWATCH_PARENT_MAIN_NAME"

_main = sys.modules["__main__"]
if os.environ.get(MAIN_PATH_VARIABLE):
    _main.__file__ = os.environ[MAIN_PATH_VARIABLE]
if os.environ.get(MAIN_NAME_VARIABLE):
    _main.__spec__ = importlib.machinery.ModuleSpec(os.environ[MAIN_NAME_VARIABLE], None)
