"""Presenting: charts, narration, the annotated article, the HTML report and the export formats."""
