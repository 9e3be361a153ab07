"""Reports: run the parameterized notebooks through papermill and publish safe, self-contained pages."""

from framing.report.params import list_notebooks, notebook_parameters, split_parameters
from framing.report.runner import ReportError, load_config, run_report

__all__ = ["ReportError", "list_notebooks", "load_config", "notebook_parameters", "run_report", "split_parameters"]
