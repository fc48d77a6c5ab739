"""Writing stored records out for people: JSONL, CSV and XLSX."""
