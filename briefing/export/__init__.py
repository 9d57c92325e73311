"""Exporters: turn stored material into files (JSON dump now; briefings later)."""
