"""Demo content for cuf-cms, built by ``manage.py load_demo_content``.

``data/`` holds the facts (texts, dates, terms), ``files`` generates the binary
assets (JPEG, PDF, WAV) in code, ``assets`` stores them as Wagtail images,
documents and media, ``streams`` turns body descriptions into StreamField data,
``pages`` creates or updates published pages, ``users`` the demo accounts and
``builder`` puts everything together. Every step looks things up before
creating them, so loading twice gives the same content.
"""
